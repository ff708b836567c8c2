/**
 * A pool of instances for one function: each instance is a child process running one invocation
 * at a time, as a cloud instance does; warm ones are reused, more start when calls queue up to the cap
 * (past the first four, one cold start at a time, so a burst on one function cannot take every core from
 * the others), and instances beyond the first stop again once idle.
 */
import { fork, type ChildProcess } from 'node:child_process'
import type { FunctionSpec } from './function-config'
import type { InvokeMessage, LogLine, ResultMessage, StartedMessage, WorkerTiming } from './protocol'
import { workerScript } from './worker-script'

/** How long a cold instance may take to load its function before the call fails. */
const LOAD_LIMIT_MS = 30_000
/** Idle instances beyond the first are stopped after this long, as the cloud scales down. */
const IDLE_LIMIT_MS = 5 * 60_000
/** Instances that may cold-start at once; growth past them waits for each new one to warm up. */
const FREE_STARTS = 4

/** Where an invocation's time went: waiting for a free instance, then inside it. */
export type InvocationTiming = WorkerTiming & { queueMs: number }

export type Outcome =
  | { kind: 'ok'; json: string; logs?: LogLine[] }
  | { kind: 'error'; message: string; stack?: string; logs?: LogLine[] }
  | { kind: 'timeout'; timeoutMs: number }

/** What one invocation needs besides the function itself. */
export type Call = Omit<InvokeMessage, 'type' | 'id'>

export interface PoolOptions {
  maxInstances: number
  /** Environment every instance starts with (SDK endpoint, secrets, NODE_PATH). */
  baseEnv: Record<string, string>
  /** Where instances write their console output. */
  stdio: 'inherit' | 'ignore'
  /** Instances beyond the first that stay idle this long are stopped (default 5 minutes). */
  idleMs?: number
}

interface Instance {
  child: ChildProcess
  /** Until its first handler starts, the instance is loading: a cold start in progress. */
  warm: boolean
  idleSince: number
  running: { id: number; timer: NodeJS.Timeout; queueMs: number; done: (outcome: Outcome) => void; timed?: (timing: InvocationTiming) => void } | null
}

interface Queued {
  call: Call
  enqueuedAt: number
  done: (outcome: Outcome) => void
  timed?: (timing: InvocationTiming) => void
}

export interface PoolStats {
  instances: number
  busy: number
  queued: number
  invocations: number
  errors: number
  timeouts: number
  coldStarts: number
}

export class FunctionPool {
  private readonly instances: Instance[] = []
  private readonly queue: Queued[] = []
  private nextId = 1
  private closed = false
  private readonly counts = { invocations: 0, errors: 0, timeouts: 0, coldStarts: 0 }
  private readonly reaper: NodeJS.Timeout

  constructor(
    readonly spec: FunctionSpec,
    private readonly options: PoolOptions,
  ) {
    this.reaper = setInterval(() => this.reapIdle(), this.idleMs / 5)
    this.reaper.unref()
  }

  /** Runs one invocation when an instance is free; never rejects. `timed` learns where its time went, when the instance says. */
  run(call: Call, timed?: (timing: InvocationTiming) => void): Promise<Outcome> {
    if (this.closed) return Promise.resolve({ kind: 'error', message: 'Error: the local cloud is shutting down' })
    this.counts.invocations += 1
    return new Promise((resolve) => {
      this.queue.push({ call, enqueuedAt: performance.now(), done: (outcome) => this.count(outcome, resolve), timed })
      this.dispatch()
    })
  }

  stats(): PoolStats {
    const busy = this.instances.filter((i) => i.running).length
    return { instances: this.instances.length, busy, queued: this.queue.length, ...this.counts }
  }

  /** Kills every instance; queued calls fail. */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.reaper)
    for (const queued of this.queue.splice(0)) queued.done({ kind: 'error', message: 'Error: the local cloud is shutting down' })
    await Promise.all(this.instances.slice().map((instance) => this.kill(instance)))
  }

  private count(outcome: Outcome, resolve: (o: Outcome) => void): void {
    if (outcome.kind === 'error') this.counts.errors += 1
    if (outcome.kind === 'timeout') this.counts.timeouts += 1
    resolve(outcome)
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const instance = this.instances.find((i) => !i.running) ?? (this.mayStartAnother() ? this.spawn() : undefined)
      if (!instance) return
      const queued = this.queue.shift()
      if (queued) this.start(instance, queued)
    }
  }

  /** The first few start together, as a small pool always did; beyond them one cold start at a time. */
  private mayStartAnother(): boolean {
    return this.instances.length < FREE_STARTS || this.instances.every((i) => i.warm)
  }

  private spawn(): Instance | undefined {
    if (this.instances.length >= this.options.maxInstances) return undefined
    this.counts.coldStarts += 1
    const child = fork(workerScript(), [this.spec.dir], {
      env: this.options.baseEnv,
      stdio: ['ignore', this.options.stdio, this.options.stdio, 'ipc'],
      serialization: 'advanced',
      // The worker is plain JavaScript: no tsx loader (or other flags) from the host process.
      execArgv: [],
    })
    const instance: Instance = { child, warm: false, idleSince: Date.now(), running: null }
    child.on('message', (message: ResultMessage | StartedMessage) => {
      if (message.type === 'started') this.startClock(instance, message.id)
      else this.finish(instance, message)
    })
    child.on('exit', (code, signal) => this.lost(instance, `Error: the function process exited (${signal ?? code})`))
    child.on('error', (error) => this.lost(instance, `Error: ${error.message}`))
    this.instances.push(instance)
    return instance
  }

  private start(instance: Instance, queued: Queued): void {
    const id = this.nextId++
    instance.running = {
      id,
      timer: this.limit(instance, LOAD_LIMIT_MS),
      queueMs: performance.now() - queued.enqueuedAt,
      done: queued.done,
      timed: queued.timed,
    }
    const message: InvokeMessage = { type: 'invoke', id, ...queued.call }
    try {
      // fails later when the channel is closed (the instance exited)
      instance.child.send(message, (error) => {
        if (!error) return
        this.undelivered(instance, id, error)
        this.dispatch()
      })
    } catch (error) {
      // fails at once when the call cannot be serialised (e.g. nested too deep for the structured clone)
      this.undelivered(instance, id, error)
    }
  }

  /** The call never reached the instance: it fails now and the instance is free again, or replaced if its channel is gone. */
  private undelivered(instance: Instance, id: number, error: unknown): void {
    const running = instance.running
    if (!running || running.id !== id) return
    clearTimeout(running.timer)
    instance.running = null
    instance.idleSince = Date.now()
    if (!instance.child.connected) void this.kill(instance)
    running.done({
      kind: 'error',
      message: `Error: the call could not be handed to the function: ${error instanceof Error ? error.message : String(error)}`,
    })
  }

  /** The handler started: from now on the function's own time limit applies. */
  private startClock(instance: Instance, id: number): void {
    const running = instance.running
    if (!running || running.id !== id) return
    instance.warm = true
    clearTimeout(running.timer)
    running.timer = this.limit(instance, this.spec.timeoutMs)
  }

  /** A timed-out instance is killed and replaced, like the cloud does. */
  private limit(instance: Instance, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      const running = instance.running
      instance.running = null
      running?.done({ kind: 'timeout', timeoutMs: this.spec.timeoutMs })
      void this.kill(instance).then(() => this.dispatch())
    }, ms)
  }

  private finish(instance: Instance, message: ResultMessage): void {
    const running = instance.running
    if (!running || running.id !== message.id) return
    clearTimeout(running.timer)
    instance.running = null
    instance.warm = true
    instance.idleSince = Date.now()
    const { logs } = message
    if (message.timing) running.timed?.({ ...message.timing, queueMs: running.queueMs })
    running.done(message.ok ? { kind: 'ok', json: message.json, logs } : { kind: 'error', message: message.message, stack: message.stack, logs })
    this.dispatch()
  }

  private lost(instance: Instance, reason: string): void {
    const index = this.instances.indexOf(instance)
    if (index >= 0) this.instances.splice(index, 1)
    const running = instance.running
    instance.running = null
    if (running) {
      clearTimeout(running.timer)
      running.done({ kind: 'error', message: reason })
    }
    this.dispatch()
  }

  /** Keeps one warm instance; stops the others that have been idle too long. */
  private reapIdle(): void {
    const idle = this.instances.filter((i) => !i.running && Date.now() - i.idleSince > this.idleMs)
    for (const instance of idle.slice(idle.length === this.instances.length ? 1 : 0)) void this.kill(instance)
  }

  private get idleMs(): number {
    return this.options.idleMs ?? IDLE_LIMIT_MS
  }

  private kill(instance: Instance): Promise<void> {
    const index = this.instances.indexOf(instance)
    if (index >= 0) this.instances.splice(index, 1)
    const child = instance.child
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }
}
