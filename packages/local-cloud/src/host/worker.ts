/**
 * One cloud function instance: a child process that runs one invocation at a time.
 * Forked by the pool with the function's folder as its argument.
 */
import http from 'node:http'
import path from 'node:path'
import { format } from 'node:util'
import type { InvokeMessage, LogLine, ResultMessage, StartedMessage, WorkerTiming } from './protocol'

type Main = (event: unknown, context: unknown) => unknown

const functionDir = process.argv[2] ?? ''
let clockOffset = 0
let current: number | null = null
let main: Main | null = null
let logs: LogLine[] = []
/** This invocation's clock: when its handler started, and its requests to the local cloud. */
const clock = { startedAt: 0, cloudMs: 0, cloudRequests: 0, inFlight: 0, busySince: 0 }

/** Enough to read what happened; a chatty loop cannot flood the host's memory. */
const MAX_LOG_LINES = 200
const MAX_LOG_CHARS = 2000

installShiftedDate()
captureConsole()
timeCloudRequests()
process.on('message', (message: InvokeMessage) => {
  if (message.type === 'invoke') void invoke(message)
})
// An instance never outlives its host, even one that was killed without closing it.
process.on('disconnect', () => process.exit(0))
// A stray rejection or exception fails the running call, as the cloud reports it.
process.on('unhandledRejection', (reason) => failCurrent(reason))
process.on('uncaughtException', (error) => failCurrent(error))

/** Replaces the global Date so `new Date()` and `Date.now()` read the emulator clock; a plain function, as a Proxy's traps cost on every date the handler makes. */
function installShiftedDate(): void {
  const RealDate = Date
  const now = (): number => RealDate.now() + clockOffset
  function ShiftedDate(...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(now()).toString()
    if (new.target !== ShiftedDate) return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target) as Date
    return args.length === 0 ? new RealDate(now()) : new RealDate(...(args as [string]))
  }
  Object.setPrototypeOf(ShiftedDate, RealDate) // Date.UTC, Date.parse
  ShiftedDate.prototype = RealDate.prototype
  ShiftedDate.now = now
  globalThis.Date = ShiftedDate as unknown as DateConstructor
}

/** Each console line of an invocation is kept for its record, and still written to the instance's output. */
function captureConsole(): void {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const write = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      if (current !== null && logs.length < MAX_LOG_LINES) logs.push({ level, text: format(...args).slice(0, MAX_LOG_CHARS) })
      write(...args)
    }
  }
}

/** Times every HTTP request the SDK makes (all go to the local cloud), as wall time with any in flight. */
function timeCloudRequests(): void {
  const request = http.request
  const done = (): void => {
    clock.inFlight -= 1
    if (clock.inFlight === 0) clock.cloudMs += performance.now() - clock.busySince
  }
  http.request = function (this: unknown, ...args: unknown[]) {
    const req = (request as (...a: unknown[]) => http.ClientRequest).apply(this, args)
    clock.cloudRequests += 1
    if (clock.inFlight++ === 0) clock.busySince = performance.now()
    req.once('close', done)
    return req
  }
}

function timing(): WorkerTiming {
  return { runMs: performance.now() - clock.startedAt, cloudMs: clock.cloudMs, cloudRequests: clock.cloudRequests }
}

function loadMain(): Main {
  if (main) return main
  // a function is a CommonJS bundle loaded by path, as the cloud runtime loads it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(functionDir, 'index.js')) as { main?: unknown }
  if (typeof loaded.main !== 'function') throw new Error(`${functionDir}/index.js does not export main`)
  main = loaded.main as Main
  return main
}

async function invoke(message: InvokeMessage): Promise<void> {
  current = message.id
  logs = []
  clockOffset = message.clockOffset
  for (const key of message.unset) delete process.env[key]
  Object.assign(process.env, message.env)
  try {
    const handler = loadMain()
    process.send?.({ type: 'started', id: message.id } satisfies StartedMessage)
    Object.assign(clock, { startedAt: performance.now(), cloudMs: 0, cloudRequests: 0 })
    const value = await handler(message.event, message.context)
    reply({ type: 'result', id: message.id, ok: true, json: JSON.stringify(value ?? null), logs, timing: timing() })
  } catch (error) {
    reply(failure(message.id, error))
  }
}

function failCurrent(reason: unknown): void {
  if (current !== null) reply(failure(current, reason))
}

function failure(id: number, error: unknown): ResultMessage {
  if (error instanceof Error)
    return { type: 'result', id, ok: false, message: `${error.name}: ${error.message}`, stack: error.stack, logs, timing: timing() }
  return {
    type: 'result',
    id,
    ok: false,
    message: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)),
    logs,
    timing: timing(),
  }
}

function reply(message: ResultMessage): void {
  if (current !== message.id) return
  current = null
  process.send?.(message)
}
