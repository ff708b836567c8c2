/**
 * What `npm start` and `npm run emulator` share around a running local cloud: refusing real cloud
 * credentials, loading a snapshot at start, writing one on exit, and `exec` (run a command against
 * a fresh local cloud, then stop with the command's status).
 */
import { spawn } from 'node:child_process'
import { credentialRefusal } from './cloud-credentials'
import type { LocalCloud } from './host/local-cloud'
import type { RunOptions } from './run-options'
import { exportSnapshot, importSnapshot } from './snapshot'

/** Exits with a message when real cloud credentials are in the environment and not allowed. */
export function refuseCloudCredentials(options: RunOptions): void {
  const refusal = credentialRefusal(process.env, options.allowCloudCredentials)
  if (!refusal) return
  console.error(refusal)
  process.exit(2)
}

/** Loads `--import DIR` with the timer triggers paused. */
export async function importAtStart(cloud: LocalCloud, dataDir: string, options: RunOptions): Promise<void> {
  if (!options.importDir) return
  const summary = await cloud.host.withTriggersPaused(() => importSnapshot({ db: cloud.server.db, dataDir }, options.importDir ?? ''))
  console.log(`imported ${summary.documents} documents in ${summary.collections} collections and ${summary.files} files from ${summary.dir}`)
}

/** Stops the local cloud, writing `--export-on-exit DIR` first. */
export async function stopCloud(cloud: LocalCloud, dataDir: string, options: RunOptions): Promise<void> {
  if (options.exportOnExit) {
    const summary = exportSnapshot({ db: cloud.server.db, dataDir }, options.exportOnExit)
    console.log(`exported ${summary.documents} documents in ${summary.collections} collections and ${summary.files} files to ${summary.dir}`)
  }
  await cloud.close()
}

/** Ctrl-C or SIGTERM: `stop`, then exit. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = (): void => {
    if (stopping) return
    stopping = true
    console.log('stopping the local cloud...')
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

/** Runs `command` in a shell with LOCAL_CLOUD_URL set; resolves to its exit status (1 for a signal). */
export function runCommand(command: string, url: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: 'inherit', env: { ...process.env, LOCAL_CLOUD_URL: url } })
    child.once('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`)
      resolve(1)
    })
    child.once('exit', (code) => resolve(code ?? 1))
  })
}
