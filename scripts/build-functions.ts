/**
 * `npm run build:functions [-- --force]`: bundles each `cloudfunctions/<name>/index.ts` into
 * `build/cloudfunctions/<name>/` (index.js, config.json, package.json), a folder WeChat DevTools
 * uploads as is. `shared/` and other libraries are inlined; only wx-server-sdk stays a dependency.
 * Only functions whose sources changed since their last build are rebuilt unless forced.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
export const FUNCTIONS_SOURCE = path.join(ROOT, 'cloudfunctions')
export const FUNCTIONS_BUILD = path.join(ROOT, 'build', 'cloudfunctions')
/** What the cloud function's own package.json pins; matches the root package. */
const SDK_VERSION = '4.0.2'
/** The cloud's Node runtime. */
const TARGET = 'node16'

export interface BuildOptions {
  sourceDir?: string
  outDir?: string
  force?: boolean
}

export interface BuildReport {
  built: string[]
  upToDate: string[]
  /** Functions that did not compile; their previous build, if any, stays in place. */
  failed: Array<{ name: string; message: string }>
}

/** Builds every function folder that has an index.ts; zero folders is fine. */
export async function buildFunctions(options: BuildOptions = {}): Promise<BuildReport> {
  const sourceDir = options.sourceDir ?? FUNCTIONS_SOURCE
  const outDir = options.outDir ?? FUNCTIONS_BUILD
  const report: BuildReport = { built: [], upToDate: [], failed: [] }
  for (const name of functionNames(sourceDir)) {
    const from = path.join(sourceDir, name)
    const to = path.join(outDir, name)
    if (!options.force && !isStale(from, to)) {
      report.upToDate.push(name)
      continue
    }
    try {
      await buildOne(name, from, to)
      report.built.push(name)
    } catch (error) {
      report.failed.push({ name, message: error instanceof Error ? error.message : String(error) })
    }
  }
  return report
}

export function functionNames(sourceDir: string = FUNCTIONS_SOURCE): string[] {
  if (!fs.existsSync(sourceDir)) return []
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(sourceDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

async function buildOne(name: string, from: string, to: string): Promise<void> {
  fs.mkdirSync(to, { recursive: true })
  const result = await build({
    entryPoints: [path.join(from, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    external: ['wx-server-sdk'],
    absWorkingDir: ROOT,
    // Libraries come from the repository's node_modules wherever the sources live.
    nodePaths: [path.join(ROOT, 'node_modules')],
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  const configFile = path.join(from, 'config.json')
  const config = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : `${JSON.stringify({ permissions: { openapi: [] } }, null, 2)}\n`
  const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }
  // config.json and package.json first: index.js appearing last marks the folder complete.
  writeAtomic(path.join(to, 'config.json'), config)
  writeAtomic(path.join(to, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  writeAtomic(path.join(to, 'index.js'), code)
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'))
  fs.mkdirSync(path.dirname(inputsFile(to)), { recursive: true })
  writeAtomic(inputsFile(to), JSON.stringify(inputs))
}

/** The source files a function's last build read, kept beside (not inside) the deployable folder. */
function inputsFile(to: string): string {
  return path.join(path.dirname(to), '..', '.function-inputs', `${path.basename(to)}.json`)
}

/** Stale when the output is missing, or its folder or any file the last build read is newer. */
function isStale(from: string, to: string): boolean {
  const output = path.join(to, 'index.js')
  if (!fs.existsSync(output) || !fs.existsSync(inputsFile(to))) return true
  const builtAt = fs.statSync(output).mtimeMs
  const inputs = JSON.parse(fs.readFileSync(inputsFile(to), 'utf8')) as string[]
  const files = [...inputs.map((file) => path.resolve(ROOT, file)), ...fs.readdirSync(from).map((file) => path.join(from, file))]
  // A deleted input also means the sources changed.
  return files.some((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs > builtAt)
}

// Parallel builds (test files, npm start) may write the same file: rename makes each write whole.
function writeAtomic(file: string, content: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`
  fs.writeFileSync(temp, content)
  fs.renameSync(temp, file)
}

export function describeBuild(report: BuildReport): string {
  const lines = [`functions built: ${report.built.join(', ') || 'none'}; up to date: ${report.upToDate.join(', ') || 'none'}`]
  for (const failure of report.failed) lines.push(`function ${failure.name} failed to build:\n${failure.message}`)
  return lines.join('\n')
}

if (require.main === module) {
  buildFunctions({ force: process.argv.includes('--force') }).then(
    (report) => {
      console.log(describeBuild(report))
      if (report.failed.length > 0) process.exit(1)
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
