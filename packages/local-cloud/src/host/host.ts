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
import { functionEnv, readEnvFile } from './function-env'
import { defaultInstanceCap } from './instance-cap'
import { calleeOf, callEnv, timerCaller, type Caller } from './identity'
import { InvocationLog, type ServerTiming } from './invocations'
import { decodeOpenApiRequest, encodeOpenApiReply, ERR_OPENAPI_ILLEGAL_SOURCE, ERR_OPENAPI_NO_PERMISSION } from './openapi'
import { FunctionPool, type InvocationTiming, type PoolStats } from './pool'
import type { DatabaseTiming } from '../server'
import { TriggerScheduler } from './triggers'
import { wxacode } from './wxacode'

export interface HostOptions {
  /** Folder of deployable functions, one folder each with index.js and config.json. */
  functionsDir: string
  clock: Clock
  /** Instances per function at most (default: sized for the machine, see instance-cap.ts). */
  maxInstances?: number
  /** Instances beyond a function's first stop after idling this long (default 5 minutes). */
  instanceIdleMs?: number
  /** Cloud environment id the functions see (default `local`). */
  envId?: string
  /** Show functions' console output (default true). */
  showLogs?: boolean
  /** Fire timer triggers on their schedule (default true); test clouds turn this off so a real 02:00 cannot fire mid-test. */
  timers?: boolean
  /** A dotenv file whose variables every function gets (read when an instance pool starts). */
  envFile?: string
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
  dbRequests: number
  server: ServerTiming
}

/** Functions built into a folder of their own find wx-server-sdk where the project installed it (beside this package's). */
const SDK_NODE_MODULES = path.resolve(path.dirname(require.resolve('wx-server-sdk/package.json')), '..')

export class FunctionHost {
  readonly functions: Map<string, FunctionSpec>
  readonly outbox: OutboxEntry[] = []
  readonly invocations = new InvocationLog()
  private readonly pools = new Map<string, FunctionPool>()
  private readonly running = new Map<string, Running>()
  private adminUrl = ''
  private scheduler: TriggerScheduler | null = null
  /** Paused by hand (the console's switch), and how many imports or seedings are running. */
  private pausedByHand = false
  private pausedWhileLoading = 0

  constructor(private readonly options: HostOptions) {
    this.functions = discoverFunctions(options.functionsDir)
  }

  /** Points the functions' SDK at the local `/admin` and starts the timers; call once the server listens. */
  connect(serverUrl: string): void {
    this.adminUrl = `${serverUrl.replace(/\/$/, '')}/admin`
    if (this.options.timers === false) return
    const triggers = [...this.functions.values()].flatMap((spec) => (spec.trigger ? [{ functionName: spec.name, trigger: spec.trigger }] : []))
    this.scheduler = new TriggerScheduler(this.options.clock, triggers, (name) => {
      if (!this.triggersPaused) void this.fireTrigger(name)
    })
  }

  /** Whether scheduled timer triggers are held back (firing one by hand still works). */
  get triggersPaused(): boolean {
    return this.pausedByHand || this.pausedWhileLoading > 0
  }

  pauseTriggers(paused: boolean): void {
    this.pausedByHand = paused
  }

  /** Runs `load` (an import, a seeding) with scheduled triggers held back, so no job sees half-loaded data. */
  async withTriggersPaused<T>(load: () => Promise<T>): Promise<T> {
    this.pausedWhileLoading += 1
    try {
      return await load()
    } finally {
      this.pausedWhileLoading -= 1
    }
  }

  /** Runs `name` with `event` as `caller`; never rejects. */
  async call(name: string, event: Record<string, unknown>, caller: Caller): Promise<CallResult> {
    const spec = this.functions.get(name)
    if (!spec) return { ok: false, failure: notFoundFailure(name) }
    const token = crypto.randomUUID()
    const running: Running = { functionName: name, caller, dbRequests: 0, server: { requests: 0, totalMs: 0, parse: 0, sql: 0, serialise: 0 } }
    this.running.set(token, running)
    const at = this.options.clock.now().toISOString()
    const started = performance.now()
    try {
      const { env, unset } = callEnv(caller, token)
      const context = this.context(spec, crypto.randomUUID(), env)
      let timing: InvocationTiming | undefined
      const outcome = await this.pool(spec).run(
        { env, unset, clockOffset: this.options.clock.offset, event: withUserInfo(event, caller), context },
        (t) => (timing = t),
      )
      const result: CallResult =
        outcome.kind === 'ok' ? { ok: true, value: JSON.parse(outcome.json) as unknown } : { ok: false, failure: outcomeFailure(outcome) }
      const error =
        outcome.kind === 'ok'
          ? undefined
          : outcome.kind === 'timeout'
            ? `timed out after ${outcome.timeoutMs} ms`
            : (outcome.stack ?? outcome.message)
      // What the cloud console's function log would show.
      if (error && this.options.showLogs !== false) console.error(`[${name}] ${error}`)
      const errCode = result.ok ? 0 : result.failure.body.errCode
      const action = typeof event.action === 'string' ? event.action : undefined
      const logs = outcome.kind === 'timeout' ? [] : (outcome.logs ?? [])
      const breakdown = timing && { ...timing, server: running.server }
      this.invocations.add({
        functionName: name,
        action,
        openid: caller.openid,
        source: caller.source,
        at,
        durationMs: Math.round(performance.now() - started),
        dbRequests: running.dbRequests,
        timing: breakdown,
        errCode,
        error,
        logs,
      })
      return result
    } finally {
      this.running.delete(token)
    }
  }

  /** Counts a database request against the invocation whose API token `body` carries. */
  countDatabaseRequest(body: Record<string, unknown>): void {
    const running = this.running.get(wireText(body.wxCloudApiToken))
    if (running) running.dbRequests += 1
  }

  /** Adds a database request's server time to the invocation whose API token `body` carries. */
  timeDatabaseRequest(body: Record<string, unknown>, timing: DatabaseTiming): void {
    const server = this.running.get(wireText(body.wxCloudApiToken))?.server
    if (!server) return
    server.requests += 1
    server.totalMs += timing.totalMs
    server.parse += timing.parse
    server.sql += timing.sql
    server.serialise += timing.serialise
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
  multipartAdmin(raw: Buffer, contentType: string): { contentType: string; body: Buffer } {
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
    return { functions, outbox: this.outbox, nextTriggers: this.scheduler?.nextRuns() ?? {}, triggersPaused: this.triggersPaused }
  }

  /** Forgets sent messages and the invocation record (after a reset). */
  clearRecords(): void {
    this.outbox.length = 0
    this.invocations.clear()
  }

  async close(): Promise<void> {
    this.scheduler?.stop()
    await Promise.all([...this.pools.values()].map((pool) => pool.close()))
  }

  private async invokeFromFunction(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const requestId = crypto.randomUUID()
    const name = wireText(body.function_name)
    const text = typeof body.request_data === 'string' && body.request_data ? body.request_data : '{}'
    const parent = this.running.get(wireText(body.wxCloudApiToken))
    const event = parseEvent(text)
    if (!event) return { code: 'INVALID_PARAM', message: `request_data is not a JSON object nested at most ${MAX_JSON_DEPTH} deep`, requestId }
    const result = await this.call(name, event, calleeOf(parent?.caller))
    if (!result.ok) return { ...adminFailure(result.failure), requestId }
    return { requestId, data: { response_data: JSON.stringify(result.value) } }
  }

  private openApi(apiName: string, token: string, data: Record<string, unknown>): Record<string, unknown> | { png: Buffer } {
    const from = this.running.get(token)
    if (!from) return { errcode: ERR_OPENAPI_ILLEGAL_SOURCE, errmsg: 'illegal source of invocation' }
    const allowed = this.functions.get(from.functionName)?.openapi ?? []
    if (!allowed.includes(apiName)) return { errcode: ERR_OPENAPI_NO_PERMISSION, errmsg: `function has no permission to call this API: ${apiName}` }
    const code = wxacode(apiName, data)
    if (code && 'errcode' in code) return code
    this.outbox.push({ at: this.options.clock.now().toISOString(), fromFunction: from.functionName, apiName, openid: from.caller.openid, data })
    return code ?? { errcode: 0, errmsg: 'ok' }
  }

  private pool(spec: FunctionSpec): FunctionPool {
    let pool = this.pools.get(spec.name)
    if (!pool) {
      if (!this.adminUrl) throw new Error('FunctionHost.connect(serverUrl) must run before the first call')
      const env = { ...functionEnv(spec.env, this.options.envFile ? readEnvFile(this.options.envFile) : {}), ...this.baseEnv() }
      const stdio = this.options.showLogs === false ? 'ignore' : 'inherit'
      pool = new FunctionPool(spec, {
        maxInstances: this.options.maxInstances ?? defaultInstanceCap(),
        idleMs: this.options.instanceIdleMs,
        baseEnv: env,
        stdio,
      })
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
      NODE_PATH: SDK_NODE_MODULES,
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

/** A wire field that must be text; anything else names nothing. */
function wireText(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
