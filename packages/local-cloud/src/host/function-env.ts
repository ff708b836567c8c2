/**
 * The environment variables a function is given, as the cloud gives them: those set for the
 * function (`config.json` `env`, or `envVariables` as cloudbaserc names them), then the developer's
 * `.env.local` for values that must not be committed (template ids, claim codes). Keys the cloud
 * reserves for itself cannot be set, as in the cloud console.
 */
import fs from 'node:fs'

const RESERVED = /^(SCF_|QCLOUD_|TENCENTCLOUD_|TCB_|WX_|TRIGGER_SRC$|NODE_PATH$|TZ$)/
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/

/** `KEY=value` lines of a dotenv file; `#` comments, `export ` prefixes and quotes allowed. Missing file: none. */
export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {}
  const env: Record<string, string> = {}
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!match || line.trim().startsWith('#')) continue
    env[match[1] ?? ''] = unquote(match[2] ?? '')
  }
  return env
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  if (quoted) return quoted[1] === '"' ? (quoted[2] ?? '').replace(/\\n/g, '\n') : (quoted[2] ?? '')
  return value.replace(/\s+#.*$/, '')
}

/** What one function sees: its config's variables, overridden by `.env.local`, without reserved keys. */
export function functionEnv(configEnv: Record<string, string>, localEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...configEnv, ...localEnv })) {
    if (KEY.test(key) && !RESERVED.test(key)) env[key] = value
  }
  return env
}

/** `config.json` `env` (or `envVariables`): string values only. */
export function configEnv(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {}
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') env[key] = String(value)
  }
  return env
}
