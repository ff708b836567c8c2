/**
 * Transactions under a rush: let the SDK retry commit conflicts, then retry a few more times with a random pause, then answer CONFLICT.
 * A duplicate `_id` is never a conflict: the database reports it when the document is already in the transaction's own snapshot
 * (a racing insert is a commit conflict instead), so trying again meets it again.
 */
import { isRefusal, Refusal } from '../../shared/refusal'
import { db, getDoc, type Store } from './cloud'

const ATTEMPTS = 8
/** Stop retrying well inside the function's time limit, so the shopper hears CONFLICT rather than a timeout. */
const BUDGET_MS = 5_000

function messageOf(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; errMsg?: unknown; message?: unknown }
    return [e.code, e.errMsg, e.message].filter((x) => typeof x === 'string').join(' ')
  }
  return String(err)
}

/** An insert met an existing `_id` (or unique key): the database's E11000, which names the document and may contain any word. */
export function isDuplicate(err: unknown): boolean {
  return /E11000 duplicate key/.test(messageOf(err))
}

/** Another transaction wrote the same document (the SDK loses the code name inside operations, so the text decides). */
export function isConflict(err: unknown): boolean {
  return !isDuplicate(err) && /TRANSACTION_CONFLICT|conflict|retry|locked/i.test(messageOf(err))
}

export interface TransactOptions {
  /** The ledger id that proves this request was already applied; checked when an insert collides. */
  guard?: string
  alreadyDone?: string
}

const pause = (attempt: number) => new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)))

async function alreadyApplied(guard: string | undefined): Promise<boolean> {
  return guard !== undefined && (await getDoc(db, 'ledger', guard)) !== null
}

/** A document this change creates exists though the change was never applied: the data disagrees with itself, and no retry mends it. */
function permanentFault(err: unknown, guard: string | undefined): Refusal {
  console.error('duplicate document, not retried', { guard, error: messageOf(err) })
  return new Refusal('INTERNAL', '账户数据异常，暂时无法完成这个操作，请联系商家处理')
}

/** Runs `fn` in a transaction; a refusal thrown inside rolls back and comes out unchanged. */
export async function transact<T>(fn: (t: Store) => Promise<T>, options: TransactOptions = {}): Promise<T> {
  const started = performance.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.runTransaction(fn, 2)
    } catch (err) {
      const duplicate = isDuplicate(err)
      // a repeated request is refused by the state its first run left (e.g. fewer points) or collides on its ledger id
      if ((duplicate || (isRefusal(err) && err.code !== 'ALREADY_DONE')) && (await alreadyApplied(options.guard))) {
        throw new Refusal('ALREADY_DONE', options.alreadyDone ?? '这个操作已经完成了')
      }
      if (isRefusal(err)) throw err
      if (duplicate) throw permanentFault(err, options.guard)
      if (!isConflict(err)) throw err
      if (attempt + 1 >= ATTEMPTS || performance.now() - started > BUDGET_MS) throw new Refusal('CONFLICT', '当前人数较多，请稍后再试')
      await pause(attempt)
    }
  }
}
