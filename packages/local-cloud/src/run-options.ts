/** The command line of the local cloud: snapshots, `exec`, the credentials switch. */
import { parseArgs } from 'node:util'

export interface RunOptions {
  /** Load this snapshot folder at start. */
  importDir?: string
  /** Write a snapshot here when the local cloud stops. */
  exportOnExit?: string
  /** Deployable function folders (default: ./cloudfunctions). */
  functionsDir?: string
  allowCloudCredentials: boolean
  /** `exec "CMD"`: run CMD against a fresh local cloud, then stop with its status. */
  exec?: string
}

export const USAGE = `usage: wechat-local-cloud [--import DIR] [--export-on-exit DIR] [--functions DIR] [--allow-cloud-credentials] [exec "CMD"]`

/** Parses `args`; throws with the usage on anything unknown. */
export function parseRunOptions(args: string[]): RunOptions {
  const { values, positionals } = parseKnown(args)
  const [command, ...rest] = positionals
  if (command !== undefined && (command !== 'exec' || rest.length === 0))
    throw new Error(`${command === 'exec' ? 'exec needs a command' : `unknown argument ${command}`}\n${USAGE}`)
  return {
    importDir: values.import,
    exportOnExit: values['export-on-exit'],
    functionsDir: values.functions,
    allowCloudCredentials: values['allow-cloud-credentials'] ?? false,
    exec: command === 'exec' ? rest.join(' ') : undefined,
  }
}

const OPTIONS = {
  import: { type: 'string' },
  'export-on-exit': { type: 'string' },
  functions: { type: 'string' },
  'allow-cloud-credentials': { type: 'boolean', default: false },
} as const

function parseKnown(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: OPTIONS })
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  }
}

/** The options of this process; a bad command line prints the usage and exits with status 2. */
export function readRunOptions(): RunOptions {
  try {
    return parseRunOptions(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  }
}
