import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { PackageSizePlugin } from './package-size'

// Both targets write under the repository's build/ so the local cloud and the WeChat IDE find them.
const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'
const outputRoot = path.join(__dirname, '..', '..', 'build', platform)
// The contract's types and constants live in the repository's shared/ folder, outside src/.
const sharedDir = path.join(__dirname, '..', '..', 'shared')

type Graph = {
  chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<unknown>; getChunkModulesIterable(c: unknown): Iterable<{ resource?: string }> }
}
const MERCHANT_PAGE = /[\\/]client[\\/]src[\\/]merchant[\\/]/
/** A module every one of whose page chunks is a merchant page's. */
function merchantOnly(module: unknown, { chunkGraph }: Graph): boolean {
  const chunks = [...chunkGraph.getModuleChunksIterable(module)]
  return chunks.length > 0 && chunks.every((c) => [...chunkGraph.getChunkModulesIterable(c)].some((m) => MERCHANT_PAGE.test(m.resource ?? '')))
}

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'points-club',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    // Always defined, so an unset template id builds as '' rather than a runtime process.env lookup.
    defineConstants: {
      'process.env.TARO_APP_TMPL_EXPIRY': JSON.stringify(process.env.TARO_APP_TMPL_EXPIRY ?? ''),
      'process.env.TARO_APP_TMPL_BENEFIT': JSON.stringify(process.env.TARO_APP_TMPL_BENEFIT ?? ''),
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      webpackChain(chain) {
        chain.plugin('package-size').use(PackageSizePlugin, ['weapp main package', ['merchant']])
      },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      webpackChain(chain) {
        chain.plugin('package-size').use(PackageSizePlugin, ['H5 bundle'])
        // Pages share the component library and our components: one common chunk instead of a copy per page.
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            shared: { name: 'shared', minChunks: 2, priority: -5, reuseExistingChunk: true, enforce: true },
            // the QR encoder (our component and its library) only for the pages that draw a code, not in every page's download (the home has none)
            qr: { name: 'qr', test: /qrcode-generator|[\\/]src[\\/](components[\\/]QrCode|logic[\\/]qr)/, priority: 0, enforce: true },
            // what only the owner's and clerk's pages use (forms, the schema library, charts) stays out of the shoppers' download
            merchant: { name: 'merchant', test: merchantOnly, minChunks: 2, priority: 1, enforce: true },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
