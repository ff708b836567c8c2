/**
 * `npm start`: the local cloud on one machine with no WeChat account. Builds the functions (and
 * the H5 client) when stale, then serves the database, the functions and the H5 build on PORT
 * (default 8787) with data in DATA_DIR (default .localcloud/), seeding the demo on first start.
 * H5=off skips building and serving the H5 client. Takes `--import DIR`, `--export-on-exit DIR` and
 * `--allow-cloud-credentials` as `npm run emulator` does (`npm start -- --import fixtures/demo`).
 */
import path from 'node:path'
import { openLocalCloud } from '@points-club/wechat-local-cloud'
import { importAtStart, refuseCloudCredentials, stopCloud, stopOnSignal } from '@points-club/wechat-local-cloud/lifecycle'
import { readRunOptions, type RunOptions } from '@points-club/wechat-local-cloud/run-options'
import { COLLECTIONS } from '../shared/collections'
import { buildFunctions, describeBuild, FUNCTIONS_BUILD } from './build-functions'
import { buildH5IfStale, H5_BUILD } from './build-h5'
import { seedDemo } from './demo-seed'

const ROOT = path.resolve(__dirname, '..')

async function main(options: RunOptions): Promise<void> {
  if (options.exec !== undefined || options.functionsDir) throw new Error('exec and --functions belong to npm run emulator')
  refuseCloudCredentials(options)
  const port = Number(process.env.PORT ?? 8787)
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.localcloud'))
  console.log(describeBuild(await buildFunctions()))
  const serveH5 = process.env.H5 !== 'off' && buildH5IfStale()
  // an imported snapshot replaces the demo, so the demo is not seeded first
  const seed = options.importDir ? undefined : seedDemo
  const cloud = await openLocalCloud({
    functionsDir: FUNCTIONS_BUILD,
    dataDir,
    port,
    h5Dir: serveH5 ? H5_BUILD : undefined,
    collections: COLLECTIONS,
    seed,
    envFile: path.join(ROOT, '.env.local'),
  })
  await importAtStart(cloud, dataDir, options)
  stopOnSignal(() => stopCloud(cloud, dataDir, options))
  if (cloud.seeded) console.log('seeded the demo: catalog, demo-staff, demo-admin, demo-shopper-1..3')
  if (cloud.seedError) console.warn(`could not seed all of the demo: ${cloud.seedError}`)
  console.log(`functions: ${[...cloud.host.functions.keys()].join(', ') || 'none'}; data in ${dataDir}`)
  console.log(`console at ${cloud.url}/_emulator/ui`)
  console.log(`local cloud ready at ${cloud.url}${serveH5 ? '' : ' (no H5 build)'}`)
}

main(readRunOptions()).catch((error: unknown) => {
  console.error('could not start the local cloud:', error)
  process.exit(1)
})
