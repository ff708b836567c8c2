/**
 * The local cloud never runs beside real cloud credentials: with them in its environment a script
 * or SDK meant for the local cloud could reach a real CloudBase environment and its data.
 * These are the variables wx-server-sdk and @cloudbase/node-sdk read to find and sign for one.
 */
export const CLOUD_CREDENTIAL_VARIABLES = [
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TENCENTCLOUD_SESSIONTOKEN',
  'TCB_ENV',
  'SCF_NAMESPACE',
  'TCB_SESSIONTOKEN',
  'CBR_ENV_ID',
]

/** The switch that lets the local cloud start anyway (besides `--allow-cloud-credentials`). */
export const ALLOW_CREDENTIALS_VARIABLE = 'LOCAL_CLOUD_ALLOW_CLOUD_CREDENTIALS'

/** Why the local cloud must not start in `env`, or null when it may. */
export function credentialRefusal(env: NodeJS.ProcessEnv, allowedByFlag: boolean): string | null {
  if (allowedByFlag || env[ALLOW_CREDENTIALS_VARIABLE] === '1' || sdkPointsAtLoopback(env.TCB_CONTEXT_CNFG)) return null
  const found = CLOUD_CREDENTIAL_VARIABLES.filter((name) => (env[name] ?? '') !== '')
  if (found.length === 0) return null
  return `refusing to start: real cloud credentials are set (${found.join(', ')}). Unset them, or pass --allow-cloud-credentials (or ${ALLOW_CREDENTIALS_VARIABLE}=1) if you are sure; the functions never see them either way.`
}

/** The SDK of this environment already talks to a local cloud (a test's placeholders, not a real environment's keys). */
function sdkPointsAtLoopback(config: string | undefined): boolean {
  try {
    const url = new URL(String((JSON.parse(config ?? '') as { URL?: unknown }).URL))
    return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}
