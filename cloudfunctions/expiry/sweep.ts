/** Walks the documents a query matches in `_id` order, a page at a time, a few at once, until done or the time budget runs out. */
import type { CollectionName } from '../../shared/collections'
import { db, type Query } from '../common/cloud'

export interface SweepReport {
  /** Documents looked at. */
  handled: number
  /** Documents the step changed. */
  changed: number
  /** Documents whose step failed (left for the next run). */
  failed: number
  /** False when the budget ran out first: the next run picks up what is left. */
  done: boolean
}

export interface SweepOptions<T> {
  collection: CollectionName
  where: object
  /** `performance.now()` after which no new document is started. */
  deadline: number
  /** Answers whether it changed something. */
  each: (doc: T) => Promise<boolean>
  /** Fields a page needs (each step re-reads its document in a transaction anyway); `_id` alone by default. */
  fields?: Record<string, true>
  pageSize?: number
  concurrency?: number
}

/** The cloud returns at most 1000 documents a query. */
const PAGE = 1000
const CONCURRENCY = 16

export const emptyReport = (): SweepReport => ({ handled: 0, changed: 0, failed: 0, done: false })

export async function sweep<T extends { _id: string }>(options: SweepOptions<T>): Promise<SweepReport> {
  const { pageSize = PAGE, concurrency = CONCURRENCY } = options
  const report = emptyReport()
  const _ = db.command
  let after: string | null = null
  for (;;) {
    if (performance.now() >= options.deadline) return report
    // the _id cursor visits each document once per run, even when a step leaves it matching
    const where = after === null ? options.where : { ...options.where, _id: _.gt(after) }
    const query = db.collection(options.collection).where(where) as Query & { field(projection: object): Query }
    const page = (
      await query
        .field(options.fields ?? { _id: true })
        .orderBy('_id', 'asc')
        .limit(pageSize)
        .get()
    ).data as T[]
    const finished = await eachLimited(page, concurrency, options.deadline, async (doc) => {
      try {
        if (await options.each(doc)) report.changed++
      } catch (err) {
        report.failed++
        console.error(`${options.collection}/${doc._id}:`, err)
      }
      report.handled++
    })
    if (!finished) return report
    const last = page.at(-1)
    if (!last || page.length < pageSize) return { ...report, done: true }
    after = last._id
  }
}

/** Runs `fn` over `docs` with at most `limit` at a time; false when the deadline stopped it early. */
async function eachLimited<T>(docs: readonly T[], limit: number, deadline: number, fn: (doc: T) => Promise<void>): Promise<boolean> {
  let next = 0
  let stopped = false
  const worker = async (): Promise<void> => {
    while (next < docs.length) {
      if (performance.now() >= deadline) {
        stopped = true
        return
      }
      await fn(docs[next++]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, docs.length) }, worker))
  return !stopped
}
