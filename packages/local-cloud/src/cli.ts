/**
 * `npm run emulator`: the local cloud (database, functions, console) without the H5 client or the
 * demo data, on PORT (8787) with data in DATA_DIR (.localcloud/).
 *   --import DIR / --export-on-exit DIR   load a snapshot at start / write one when stopping
 *   --functions DIR                       deployable functions (default: this project's, built when stale)
 *   exec "CMD"                            a fresh local cloud on a free port for CMD (LOCAL_CLOUD_URL), then exit with its status
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions, describeBuild, FUNCTIONS_BUILD } from '../scripts/build-functions'
import { openLocalCloud } from './host/local-cloud'
import { importAtStart, refuseCloudCredentials, runCommand, stopCloud, stopOnSignal } from './lifecycle'
import { readRunOptions, type RunOptions } from './run-options'

async function main(options: RunOptions): Promise<void> {
  refuseCloudCredentials(options)
  const fresh = options.exec !== undefined
  const dataDir = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-exec-')) : path.resolve(process.env.DATA_DIR ?? '.localcloud')
  const port = Number(process.env.PORT ?? (fresh ? 0 : 8787))
  const transactionTimeoutMs = process.env.TX_TIMEOUT_MS ? Number(process.env.TX_TIMEOUT_MS) : undefined
  const functionsDir = options.functionsDir ? path.resolve(options.functionsDir) : await projectFunctions()
  const cloud = await openLocalCloud({ functionsDir, dataDir, port, envFile: path.resolve('.env.local'), transactionTimeoutMs })
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

async function projectFunctions(): Promise<string> {
  const report = await buildFunctions()
  if (report.failed.length > 0) console.error(describeBuild(report))
  return FUNCTIONS_BUILD
}

main(readRunOptions()).catch((error: unknown) => {
  console.error('could not start the local cloud:', error)
  process.exit(1)
})
