/**
 * The `wechat-local-cloud` command: the local cloud (database, functions, storage, console) on PORT
 * (8787) with data in DATA_DIR (.localcloud/).
 *   --import DIR / --export-on-exit DIR   load a snapshot at start / write one when stopping
 *   --functions DIR                       deployable function folders (default: ./cloudfunctions)
 *   exec "CMD"                            a fresh local cloud on a free port for CMD (LOCAL_CLOUD_URL), then exit with its status
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLocalCloud, type LocalCloudOptions } from './host/local-cloud'
import { importAtStart, refuseCloudCredentials, runCommand, stopCloud, stopOnSignal } from './lifecycle'
import { readRunOptions, type RunOptions } from './run-options'

export interface CliDefaults {
  /** The functions folder when `--functions` is not given (a project may build it first). */
  functionsDir: () => Promise<string> | string
  collections?: LocalCloudOptions['collections']
}

const DEFAULTS: CliDefaults = { functionsDir: () => path.resolve('cloudfunctions') }

/** Runs the command line of this process; exits with status 1 when the local cloud cannot start. */
export function runCli(defaults: CliDefaults = DEFAULTS): void {
  serve(readRunOptions(), defaults).catch((error: unknown) => {
    console.error('could not start the local cloud:', error)
    process.exit(1)
  })
}

async function serve(options: RunOptions, defaults: CliDefaults): Promise<void> {
  refuseCloudCredentials(options)
  const fresh = options.exec !== undefined
  const dataDir = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-exec-')) : path.resolve(process.env.DATA_DIR ?? '.localcloud')
  const port = Number(process.env.PORT ?? (fresh ? 0 : 8787))
  const transactionTimeoutMs = process.env.TX_TIMEOUT_MS ? Number(process.env.TX_TIMEOUT_MS) : undefined
  const functionsDir = options.functionsDir ? path.resolve(options.functionsDir) : await defaults.functionsDir()
  const cloud = await openLocalCloud({
    functionsDir,
    dataDir,
    port,
    envFile: path.resolve('.env.local'),
    transactionTimeoutMs,
    collections: defaults.collections,
  })
  await importAtStart(cloud, dataDir, options)
  if (options.exec !== undefined) {
    const status = await runCommand(options.exec, cloud.url)
    await stopCloud(cloud, dataDir, options)
    fs.rmSync(dataDir, { recursive: true, force: true })
    process.exit(status)
  }
  console.log(`local cloud listening on ${cloud.url} (console ${cloud.url}/_emulator/ui, admin ${cloud.url}/admin, data in ${dataDir})`)
  stopOnSignal(() => stopCloud(cloud, dataDir, options))
}
