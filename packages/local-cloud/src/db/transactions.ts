import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { DbError } from './errors'

/** A pending write of one document inside a transaction: its new state, `null` once removed. */
export interface PendingWrite {
  coll: string
  id: string
  doc: Doc | null
}

export interface Transaction {
  id: string
  /** Commit sequence the transaction reads at. */
  snapshot: number
  writes: Map<string, PendingWrite>
  timer: NodeJS.Timeout
}

/** A superseded body kept while an older transaction may still read it: valid in [from, to). */
interface OldVersion {
  from: number
  to: number
  body: string
}

export const docKey = (coll: string, id: string): string => `${coll}\u0000${id}`

/** Open transactions, their document locks, and old versions their snapshots still need. */
export class TransactionTable {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()
  private readonly waiters = new Map<string, Array<() => void>>()
  private readonly history = new Map<string, OldVersion[]>()

  constructor(
    private readonly timeoutMs: number,
    private readonly onTimeout: (tx: Transaction) => void,
  ) {}

  begin(snapshot: number): Transaction {
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => this.onTimeout(tx), this.timeoutMs)
    timer.unref()
    const tx: Transaction = { id, snapshot, writes: new Map(), timer }
    this.open.set(id, tx)
    return tx
  }

  get(id: string): Transaction {
    const tx = this.open.get(id)
    // CloudBase's words for a committed, rolled-back, conflicted or timed-out transaction (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL)
    if (!tx)
      throw new DbError(
        'DATABASE_TRANSACTION_FAIL',
        `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist on the server: it was committed, rolled back, aborted by a conflict, or not ended within the time limit`,
      )
    return tx
  }

  count(): number {
    return this.open.size
  }

  lockHolder(key: string): string | undefined {
    return this.locks.get(key)
  }

  lock(key: string, txId: string): void {
    this.locks.set(key, txId)
  }

  /** Resolves once `key` is unlocked (immediately if it is). */
  async unlocked(key: string): Promise<void> {
    if (!this.locks.has(key)) return
    await new Promise<void>((resolve) => {
      const list = this.waiters.get(key) ?? []
      list.push(resolve)
      this.waiters.set(key, list)
    })
  }

  /** Ends a transaction: frees its locks, wakes waiting writers, drops versions no one needs. */
  finish(tx: Transaction): void {
    clearTimeout(tx.timer)
    this.open.delete(tx.id)
    for (const key of tx.writes.keys()) {
      if (this.locks.get(key) !== tx.id) continue
      this.locks.delete(key)
      const list = this.waiters.get(key)
      this.waiters.delete(key)
      for (const wake of list ?? []) wake()
    }
    this.prune()
  }

  /** Keeps the body a commit at `seq` supersedes, if an open transaction's snapshot predates it. */
  supersede(key: string, old: { body: string; version: number } | undefined, seq: number): void {
    if (!old || this.open.size === 0) return
    const list = this.history.get(key) ?? []
    list.push({ from: old.version, to: seq, body: old.body })
    this.history.set(key, list)
  }

  /** The body as of `snapshot` from kept versions; undefined when none covers it. */
  bodyAt(key: string, snapshot: number): string | undefined {
    return this.history.get(key)?.find((v) => v.from <= snapshot && snapshot < v.to)?.body
  }

  /** Whether a version of `key` was superseded after `snapshot` (a later commit changed or removed it). */
  changedSince(key: string, snapshot: number): boolean {
    return this.history.get(key)?.some((v) => v.to > snapshot) ?? false
  }

  /** Ids of `coll`'s documents that have kept old versions: removed or changed while a transaction was open. */
  idsWithHistory(coll: string): string[] {
    const prefix = docKey(coll, '')
    return [...this.history.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length))
  }

  all(): Transaction[] {
    return [...this.open.values()]
  }

  private prune(): void {
    const oldest = Math.min(...[...this.open.values()].map((tx) => tx.snapshot))
    for (const [key, list] of this.history) {
      const kept = list.filter((v) => v.to > oldest)
      if (kept.length === 0) this.history.delete(key)
      else this.history.set(key, kept)
    }
  }
}
