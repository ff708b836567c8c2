/**
 * Who a call runs as, and the per-call environment that wx-server-sdk's `getWXContext()` reads.
 * Each running invocation gets an API token (WX_API_TOKEN, as in the cloud); the SDK sends it with
 * every request, so `/admin` knows which invocation — and whose OPENID — a request comes from.
 */

/** The mini-program the local cloud pretends to serve. */
export const LOCAL_APPID = 'touristappid'

export interface Caller {
  openid?: string
  appid?: string
  unionid?: string
  clientIp?: string
  /** `TCB_SOURCE`: wx_client for a shopper's call, wx_trigger for a timer, `<the caller's>,scf` for a function called by another. */
  source: string
  /** Set for timer-triggered calls: TRIGGER_SRC=timer and no OPENID. */
  timer?: boolean
}

/** Every variable a call may set; those a call does not set are removed before it runs. */
const CALL_KEYS = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_API_TOKEN',
  'WX_TRIGGER_API_TOKEN_V0',
  'TCB_SOURCE',
  'TRIGGER_SRC',
]

export function shopper(openid: string | undefined, clientIp = '127.0.0.1'): Caller {
  return { openid: openid || undefined, appid: LOCAL_APPID, clientIp, source: 'wx_client' }
}

export function timerCaller(): Caller {
  return { appid: LOCAL_APPID, source: 'wx_trigger', timer: true }
}

/** The variables to set and to clear for one call made with `token`. */
export function callEnv(caller: Caller, token: string): { env: Record<string, string>; unset: string[] } {
  const context: Record<string, string | undefined> = {
    WX_OPENID: caller.timer ? undefined : caller.openid,
    WX_APPID: caller.appid,
    WX_UNIONID: caller.unionid,
    WX_CLIENTIP: caller.clientIp,
    WX_API_TOKEN: token,
  }
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(context)) if (value) env[key] = value
  // The SDK hides WX_API_TOKEN from getWXContext() but reads it through WX_CONTEXT_KEYS.
  env.WX_CONTEXT_KEYS = Object.keys(env).join(',')
  env.TCB_SOURCE = caller.source
  if (caller.timer) {
    env.TRIGGER_SRC = 'timer'
    env.WX_TRIGGER_API_TOKEN_V0 = token
  }
  return { env, unset: CALL_KEYS.filter((key) => !(key in env)) }
}

/** A function calling another keeps its user: same OPENID, not a timer call any more, and `,scf` added to SOURCE as the cloud does. */
export function calleeOf(parent: Caller | undefined): Caller {
  if (!parent) return { appid: LOCAL_APPID, source: 'wx_unknown' }
  return { ...parent, source: `${parent.source},scf`, timer: false }
}
