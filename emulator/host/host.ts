/**
 * The function host: runs the deployable functions in pools of instances, answers what they ask
 * of the cloud besides the database (calling another function, open APIs) and fires their timers.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { MAX_JSON_DEPTH, parseBoundedJson } from '../bounded-json'
import type { Clock } from '../clock'
import { adminFailure, notFoundFailure, outcomeFailure, type CallFailure } from './errors'
import { discoverFunctions, type FunctionSpec } from './function-config'
import { calleeOf, callEnv, timerCaller, type Caller } from './identity'
import { decodeOpenApiRequest, encodeOpenApiReply, ERR_OPENAPI_ILLEGAL_SOURCE, ERR_OPENAPI_NO_PERMISSION } from './openapi'
import { FunctionPool, type PoolStats } from './pool'
import { TriggerScheduler } from './triggers'

export interface HostOptions {
  /** Folder of deployable functions, one folder each with index.js and config.json. */
  functionsDir: string
  clock: Clock
  /** Instances per function at most (default 4). */
  maxInstances?: number
  /** Cloud environment id the functions see (default `local`). */
  envId?: string
  /** Show functions' console output (default true). */
  showLogs?: boolean
  /** Fire timer triggers on their schedule (default true); test clouds turn this off so a real 02:00 cannot fire mid-test. */
  timers?: boolean
}

export type CallResult = { ok: true; value: unknown } | { ok: false; failure: CallFailure }

/** A message a function sent through an open API, kept for tests and the console. */
export interface OutboxEntry {
  at: string
  fromFunction: string
  apiName: string
  openid?: string
  data: Record<string, unknown>
}

interface Running {
  functionName: string
  caller: Caller
}

const REPO_NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules')

export class FunctionHost {
  readonly functions: Map<string, FunctionSpec>
  readonly outbox: OutboxEntry[] = []
  private readonly pools = new Map<string, FunctionPool>()
  private readonly running = new Map<string, Running>()
  private adminUrl = ''
  private scheduler: TriggerScheduler | null = null

  constructor(private readonly options: HostOptions) {
    this.functions = discoverFunctions(options.functionsDir)
  }

  /** Points the functions' SDK at the local `/admin` and starts the timers; call once the server listens. */
  connect(serverUrl: string): void {
    this.adminUrl = `${serverUrl.replace(/\/$/, '')}/admin`
    if (this.options.timers === false) return
    const triggers = [...this.functions.values()].flatMap((spec) => (spec.trigger ? [{ functionName: spec.name, trigger: spec.trigger }] : []))
    this.scheduler = new TriggerScheduler(this.options.clock, triggers, (name) => void this.fireTrigger(name))
  }

  /** Runs `name` with `event` as `caller`; never rejects. */
  async call(name: string, event: Record<string, unknown>, caller: Caller): Promise<CallResult> {
    const spec = this.functions.get(name)
    if (!spec) return { ok: false, failure: notFoundFailure(name) }
    const token = crypto.randomUUID()
    this.running.set(token, { functionName: name, caller })
    try {
      const { env, unset } = callEnv(caller, token)
      const context = this.context(spec, crypto.randomUUID(), env)
      const outcome = await this.pool(spec).run({ env, unset, clockOffset: this.options.clock.offset, event: withUserInfo(event, caller), context })
      if (outcome.kind === 'ok') return { ok: true, value: JSON.parse(outcome.json) as unknown }
      // What the cloud console's function log would show.
      if (this.options.showLogs !== false) console.error(`[${name}] ${outcome.kind === 'timeout' ? `timed out after ${outcome.timeoutMs} ms` : (outcome.stack ?? outcome.message)}`)
      return { ok: false, failure: outcomeFailure(outcome) }
    } finally {
      this.running.delete(token)
    }
  }

  /** Fires `name`'s timer trigger now, with a timer event and no OPENID. */
  fireTrigger(name: string): Promise<CallResult> {
    const spec = this.functions.get(name)
    const event = { Type: 'Timer', TriggerName: spec?.trigger?.name ?? 'timer', Time: this.options.clock.now().toISOString(), Message: '' }
    return this.call(name, event, timerCaller())
  }

  /** `/admin` actions the database server hands over: `functions.invokeFunction`. */
  adminHandlers(): Record<string, (body: Record<string, unknown>) => Promise<Record<string, unknown>>> {
    return { 'functions.invokeFunction': (body) => this.invokeFromFunction(body) }
  }

  /** Multipart `/admin` requests: the open APIs (`wx.openApi`). */
  async multipartAdmin(raw: Buffer, contentType: string): Promise<{ contentType: string; body: Buffer }> {
    const request = decodeOpenApiRequest(raw, contentType)
    if (request.action !== 'wx.openApi') {
      const body = { code: 'INVALID_PARAM', message: `${request.action} is not available in the local cloud`, requestId: crypto.randomUUID() }
      return { contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) }
    }
    return { contentType: 'application/octet-stream', body: encodeOpenApiReply(this.openApi(request.apiName, request.token, request.data)) }
  }

  /** Figures for `GET /_emulator/stats`. */
  stats(): Record<string, unknown> {
    const functions: Record<string, PoolStats> = {}
    for (const [name, pool] of this.pools) functions[name] = pool.stats()
    return { functions, outbox: this.outbox, nextTriggers: this.scheduler?.nextRuns() ?? {} }
  }

  /** Forgets sent messages (after a reset). */
  clearOutbox(): void {
    this.outbox.length = 0
  }

  async close(): Promise<void> {
    this.scheduler?.stop()
    await Promise.all([...this.pools.values()].map((pool) => pool.close()))
  }

  private async invokeFromFunction(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const requestId = crypto.randomUUID()
    const name = String(body.function_name ?? '')
    const text = typeof body.request_data === 'string' && body.request_data ? body.request_data : '{}'
    const parent = this.running.get(String(body.wxCloudApiToken ?? ''))
    const event = parseEvent(text)
    if (!event) return { code: 'INVALID_PARAM', message: `request_data is not a JSON object nested at most ${MAX_JSON_DEPTH} deep`, requestId }
    const result = await this.call(name, event, calleeOf(parent?.caller))
    if (!result.ok) return { ...adminFailure(result.failure), requestId }
    return { requestId, data: { response_data: JSON.stringify(result.value) } }
  }

  private openApi(apiName: string, token: string, data: Record<string, unknown>): Record<string, unknown> {
    const from = this.running.get(token)
    if (!from) return { errcode: ERR_OPENAPI_ILLEGAL_SOURCE, errmsg: 'illegal source of invocation' }
    const allowed = this.functions.get(from.functionName)?.openapi ?? []
    if (!allowed.includes(apiName)) return { errcode: ERR_OPENAPI_NO_PERMISSION, errmsg: `function has no permission to call this API: ${apiName}` }
    this.outbox.push({ at: this.options.clock.now().toISOString(), fromFunction: from.functionName, apiName, openid: from.caller.openid, data })
    return { errcode: 0, errmsg: 'ok' }
  }

  private pool(spec: FunctionSpec): FunctionPool {
    let pool = this.pools.get(spec.name)
    if (!pool) {
      if (!this.adminUrl) throw new Error('FunctionHost.connect(serverUrl) must run before the first call')
      pool = new FunctionPool(spec, { maxInstances: this.options.maxInstances ?? 4, baseEnv: this.baseEnv(), stdio: this.options.showLogs === false ? 'ignore' : 'inherit' })
      this.pools.set(spec.name, pool)
    }
    return pool
  }

  /** What every instance starts with: the SDK aimed at the local `/admin` (see cloudbase-wire.md). */
  private baseEnv(): Record<string, string> {
    const env: Record<string, string> = {}
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
      const value = process.env[key]
      if (value) env[key] = value
    }
    return {
      ...env,
      TZ: 'UTC',
      NODE_PATH: REPO_NODE_MODULES,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.adminUrl }),
      TENCENTCLOUD_SECRETID: 'local',
      TENCENTCLOUD_SECRETKEY: 'local',
      TENCENTCLOUD: 'true',
      SCF_NAMESPACE: this.options.envId ?? 'local',
      TCB_ENV: this.options.envId ?? 'local',
      SILENCE: 'true',
    }
  }

  private context(spec: FunctionSpec, requestId: string, env: Record<string, string>): Record<string, unknown> {
    return {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: spec.timeoutMs,
      request_id: requestId,
      function_name: spec.name,
      function_version: '$LATEST',
      namespace: this.options.envId ?? 'local',
      environment: JSON.stringify(env),
    }
  }
}

/** The cloud adds the caller to a shopper's event as `userInfo`; identity still comes from getWXContext(). */
function withUserInfo(event: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  if (caller.timer || !caller.openid) return event
  return { ...event, userInfo: { appId: caller.appid, openId: caller.openid } }
}

function parseEvent(text: string): Record<string, unknown> | null {
  try {
    const value = parseBoundedJson(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
