/** Finds the deployable function folders and reads each one's WeChat `config.json`. */
import fs from 'node:fs'
import path from 'node:path'
import { configEnv } from './function-env'

/** The cloud's default time limit for one invocation. */
export const DEFAULT_TIMEOUT_SECONDS = 3
export const MAX_TIMEOUT_SECONDS = 60

export interface TimerTrigger {
  name: string
  /** 7-field cron (second minute hour day month weekday year), read in UTC+8. */
  cron: string
}

export interface FunctionSpec {
  name: string
  dir: string
  timeoutMs: number
  trigger: TimerTrigger | null
  /** The openapi names this function may call, e.g. `subscribeMessage.send`. */
  openapi: string[]
  /** Environment variables set for this function (`env`, or `envVariables` as cloudbaserc names them). */
  env: Record<string, string>
}

interface RawConfig {
  timeout?: unknown
  triggers?: unknown
  permissions?: { openapi?: unknown }
  env?: unknown
  envVariables?: unknown
}

/** Every folder in `functionsDir` holding an `index.js`, by name. */
export function discoverFunctions(functionsDir: string): Map<string, FunctionSpec> {
  const found = new Map<string, FunctionSpec>()
  if (!fs.existsSync(functionsDir)) return found
  for (const entry of fs.readdirSync(functionsDir, { withFileTypes: true })) {
    const dir = path.join(functionsDir, entry.name)
    if (entry.isDirectory() && fs.existsSync(path.join(dir, 'index.js'))) found.set(entry.name, readSpec(entry.name, dir))
  }
  return found
}

function readSpec(name: string, dir: string): FunctionSpec {
  const file = path.join(dir, 'config.json')
  const raw = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RawConfig) : {}
  // The WeChat console allows at most 60 seconds.
  const timeout = typeof raw.timeout === 'number' && raw.timeout > 0 ? Math.min(raw.timeout, MAX_TIMEOUT_SECONDS) : DEFAULT_TIMEOUT_SECONDS
  const openapi = Array.isArray(raw.permissions?.openapi) ? raw.permissions.openapi.filter((x): x is string => typeof x === 'string') : []
  const env = { ...configEnv(raw.envVariables), ...configEnv(raw.env) }
  return { name, dir, timeoutMs: timeout * 1000, trigger: timerTrigger(raw.triggers), openapi, env }
}

/** The cloud allows one timer trigger per function; the first timer entry wins. */
function timerTrigger(triggers: unknown): TimerTrigger | null {
  if (!Array.isArray(triggers)) return null
  for (const t of triggers as Array<Record<string, unknown>>) {
    if (t && t.type === 'timer' && typeof t.config === 'string') return { name: typeof t.name === 'string' ? t.name : 'timer', cron: t.config }
  }
  return null
}
