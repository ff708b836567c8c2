/**
 * Where the database server's time goes, by phase, so a benchmark can show it: request and document
 * parsing, SQL, and serialising replies (what is left of a request's time is mingo and bookkeeping).
 * Cheap enough to leave on: two `performance.now()` readings per step.
 */
export type Phase = 'parse' | 'sql' | 'serialise'

export type PhaseTimes = Record<Phase, number>

const totals: PhaseTimes = { parse: 0, sql: 0, serialise: 0 }

/** Runs `work`, adding its time to `phase`. */
export function timed<T>(phase: Phase, work: () => T): T {
  const started = performance.now()
  try {
    return work()
  } finally {
    totals[phase] += performance.now() - started
  }
}

/** Wraps a lazy SQL cursor so the time each step takes counts as SQL. */
export function timedRows<T>(rows: IterableIterator<T>): IterableIterator<T> {
  return {
    next: () => timed('sql', () => rows.next()),
    return: (value?: unknown) => rows.return?.(value) ?? { done: true, value: undefined },
    [Symbol.iterator]() {
      return this
    },
  }
}

/** Starts a stopwatch over one request: `read()` answers its wall time and the phases' share of it. */
export function phaseStopwatch(): { read(): PhaseTimes & { totalMs: number } } {
  const started = performance.now()
  const at = { ...totals }
  return {
    read: () => ({
      totalMs: performance.now() - started,
      parse: totals.parse - at.parse,
      sql: totals.sql - at.sql,
      serialise: totals.serialise - at.serialise,
    }),
  }
}
