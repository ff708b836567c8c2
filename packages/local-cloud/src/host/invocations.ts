/**
 * The record of recent invocations, as the cloud console's function log shows them: who called
 * what, how long it took, how many database requests it made, its result code and its console lines.
 */
import type { DatabaseTiming } from '../server'
import type { InvocationTiming } from './pool'
import type { LogLine } from './protocol'

/** The database server's time on an invocation's requests, summed over them (milliseconds). */
export type ServerTiming = DatabaseTiming & { requests: number }

/** Where an invocation's time went: the instance's figures and the server's, for the same call. */
export type InvocationBreakdown = InvocationTiming & { server: ServerTiming }

export interface Invocation {
  /** Grows by one per invocation, so a reader can ask for the ones after the last it saw. */
  id: number
  functionName: string
  /** The event's `action`, when it names one (the router's convention). */
  action?: string
  openid?: string
  /** `wx_client`, `wx_trigger`, ... as the function's `SOURCE`. */
  source: string
  /** When it started, on the emulator clock. */
  at: string
  durationMs: number
  dbRequests: number
  /** Absent when the instance never answered (a timeout, a lost process). */
  timing?: InvocationBreakdown
  /** 0 when it returned; the errCode the caller saw otherwise (-504002, -504003, ...). */
  errCode: number
  /** The thrown error or timeout, for a failed invocation. */
  error?: string
  logs: LogLine[]
}

/** How many invocations are kept; older ones are dropped first. */
const KEPT = 500

export class InvocationLog {
  private readonly kept: Invocation[] = []
  private lastId = 0
  private readonly listeners = new Set<(invocation: Invocation) => void>()

  add(entry: Omit<Invocation, 'id'>): Invocation {
    const invocation = { id: ++this.lastId, ...entry }
    this.kept.push(invocation)
    if (this.kept.length > KEPT) this.kept.shift()
    for (const listener of this.listeners) listener(invocation)
    return invocation
  }

  /** Calls `listener` with every invocation from now on (benchmarks read them all, not only the kept ones); returns the unsubscribe. */
  listen(listener: (invocation: Invocation) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Invocations newer than `afterId`, oldest first. */
  since(afterId = 0): Invocation[] {
    return this.kept.filter((entry) => entry.id > afterId)
  }

  clear(): void {
    this.kept.length = 0
  }
}
