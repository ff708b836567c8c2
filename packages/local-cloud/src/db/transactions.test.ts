import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SdkTransaction as Tx } from './sdk-database'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

const TIMEOUT_MS = 4000

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS, transactionTimeoutMs: TIMEOUT_MS })
  db = cloud.db
})

afterAll(async () => {
  await cloud.close()
})

// @cloudbase/database's own Db, as @cloudbase/node-sdk hands it out: it has updateAndReturn, which wx-server-sdk does not wrap
interface NodeDb {
  command: SdkDatabase['command']
  collection(name: string): { where(q: object): { updateAndReturn(data: object): Promise<{ updated: number; doc?: Record<string, unknown> }> } }
  startTransaction(): Promise<{ collection: NodeDb['collection']; commit(): Promise<unknown> }>
}

const account = (id: string) => db.collection('settings').doc(id)
const balanceOf = async (id: string): Promise<number> => ((await account(id).get()).data as { n: number }).n
const start = (): Promise<Tx> => db.startTransaction()
const run = <T>(fn: (t: Tx) => Promise<T>): Promise<T> => db.runTransaction(fn)

const rejection = async (promise: Promise<unknown>): Promise<{ code?: string; errCode?: number; errMsg?: string; message?: string }> => {
  try {
    await promise
  } catch (err) {
    return err as { code?: string }
  }
  throw new Error('expected a rejection')
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let done = false
  void promise.then(
    () => (done = true),
    () => (done = true),
  )
  await new Promise((resolve) => setTimeout(resolve, ms))
  return done
}

describe('transactions through the real SDK', () => {
  it('commits writes across documents and collections together', async () => {
    await account('a1').set({ data: { n: 100 } })
    const result = await run(async (t) => {
      const a = await t.collection('settings').doc('a1').get()
      await t
        .collection('settings')
        .doc('a1')
        .update({ data: { n: (a.data.n as number) - 30 } })
      await t.collection('ledger').add({ data: { _id: 'move-1', delta: -30 } })
      return 'moved'
    })
    expect(result).toBe('moved')
    expect(await balanceOf('a1')).toBe(70)
    expect((await db.collection('ledger').doc('move-1').get()).data).toMatchObject({ delta: -30 })
  })

  it('reads its own writes before commit, and others do not see them', async () => {
    await account('own').set({ data: { n: 1 } })
    const t = await start()
    await t
      .collection('settings')
      .doc('own')
      .update({ data: { n: 2 } })
    expect((await t.collection('settings').doc('own').get()).data.n).toBe(2)
    expect(await balanceOf('own')).toBe(1)
    await t.commit()
    expect(await balanceOf('own')).toBe(2)
  })

  it('rollback rethrows the reason and writes nothing', async () => {
    await account('r1').set({ data: { n: 5 } })
    const err = await rejection(
      run(async (t) => {
        await t
          .collection('settings')
          .doc('r1')
          .update({ data: { n: 0 } })
        await t.collection('ledger').add({ data: { _id: 'never' } })
        await t.rollback({ reason: 'insufficient' })
      }),
    )
    expect(err).toEqual({ reason: 'insufficient' })
    expect(await balanceOf('r1')).toBe(5)
    expect((await db.collection('ledger').where({ _id: 'never' }).count()).total).toBe(0)
  })

  // CloudBase fails the write itself with DATABASE_TRANSACTION_CONFLICT (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_CONFLICT);
  // wx-server-sdk's document wrappers (wx-server-sdk/index.js, helper/error-checker maybeTransformError) turn an
  // unknown code into errCode -501001 (TCB_ERR_CODE.SYS_ERR) and keep the code's words only in errMsg
  it('reads a snapshot as of its start, and a write to a document changed since then fails at that write', async () => {
    await account('snap').set({ data: { n: 1 } })
    const t = await start()
    await account('snap').update({ data: { n: 2 } })
    expect((await t.collection('settings').doc('snap').get()).data.n).toBe(1)
    const err = await rejection(
      t
        .collection('settings')
        .doc('snap')
        .update({ data: { n: 10 } }),
    )
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain('transaction conflict')
    expect(await balanceOf('snap')).toBe(2)
    // the conflict aborted the transaction: its commit is refused as a transaction that no longer exists
    expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  })

  it('a write to a document another open transaction wrote fails at that write, and frees its own locks', async () => {
    await account('w1').set({ data: { n: 1 } })
    await account('w2').set({ data: { n: 1 } })
    const first = await start()
    const second = await start()
    await second
      .collection('settings')
      .doc('w2')
      .update({ data: { n: 20 } })
    await first
      .collection('settings')
      .doc('w1')
      .update({ data: { n: 10 } })
    const err = await rejection(
      second
        .collection('settings')
        .doc('w1')
        .update({ data: { n: 30 } }),
    )
    expect(err.errMsg).toContain('transaction conflict')
    // the loser's lock on w2 is gone: a plain write does not wait for it
    expect(await settled(account('w2').update({ data: { n: db.command.inc(1) } }), 200)).toBe(true)
    await first.commit()
    expect([await balanceOf('w1'), await balanceOf('w2')]).toEqual([10, 2])
  })

  it('still reads a document removed after its snapshot, and not one created after it', async () => {
    await account('gone').set({ data: { n: 3 } })
    const t = await start()
    await account('gone').remove()
    await account('born').set({ data: { n: 4 } })
    expect((await t.collection('settings').doc('gone').get()).data.n).toBe(3)
    const unseen = await rejection(t.collection('settings').doc('born').get())
    expect(unseen.errMsg ?? unseen.message).toContain('does not exist')
    await t.rollback()
  })

  /** Two read-modify-write transactions that both read before either writes: exactly one write conflicts. */
  const raceOf = (runner: (fn: (t: Tx) => Promise<void>) => Promise<unknown>, id: string, wrap = (data: object): { data: object } => ({ data })) => {
    let attempts = 0
    let reads = 0
    let release!: () => void
    const bothRead = new Promise<void>((resolve) => (release = resolve))
    const add = (delta: number) =>
      runner(async (t) => {
        attempts++
        const doc = await t.collection('settings').doc(id).get()
        if (++reads === 2) release()
        await bothRead
        await t
          .collection('settings')
          .doc(id)
          .update(wrap({ n: (doc.data.n as number) + delta }))
      })
    return { add, attempts: () => attempts }
  }

  // @cloudbase/database src/transaction/index.ts: runTransaction retries only when the error's `code` is
  // DATABASE_TRANSACTION_CONFLICT; through wx-server-sdk a write's error carries errCode/errMsg instead, so the
  // callback is not re-run and the conflict reaches the function (which retries by its message, as transact() does)
  it('through wx-server-sdk, a conflicting write rejects runTransaction once, and a retry by message loses no update', async () => {
    await account('race').set({ data: { n: 0 } })
    const race = raceOf(run, 'race')
    const outcomes = await Promise.allSettled([race.add(1), race.add(10)])
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect((lost?.reason as { errMsg: string }).errMsg).toContain('transaction conflict')
    expect(race.attempts()).toBe(2)
    const won = await balanceOf('race')
    expect([1, 10]).toContain(won)
    await race.add(won === 1 ? 10 : 1)
    expect(await balanceOf('race')).toBe(11)
  })

  it('through @cloudbase/node-sdk, runTransaction re-runs the callback after a write conflict and loses no update', async () => {
    const app = (require('@cloudbase/node-sdk') as { init(c: object): { database(): SdkDatabase } }).init({ env: 'local-test' })
    await account('race2').set({ data: { n: 0 } })
    // @cloudbase/database's update() takes the fields themselves, not wx-server-sdk's { data }
    const race = raceOf(
      (fn) => app.database().runTransaction(fn),
      'race2',
      (data) => data as { data: object },
    )
    await Promise.all([race.add(1), race.add(10)])
    expect(await balanceOf('race2')).toBe(11)
    expect(race.attempts()).toBe(3)
  })

  // the transaction docs' own examples query with where() inside a transaction (docs.cloudbase.net/database/transaction)
  it('answers where() queries inside a transaction from its snapshot plus its own writes', async () => {
    await db.collection('staff').add({ data: { _id: 'q1', shop: 'x', n: 1 } })
    await db.collection('staff').add({ data: { _id: 'q2', shop: 'x', n: 2 } })
    const t = await start()
    await db.collection('staff').add({ data: { _id: 'q3', shop: 'x', n: 3 } })
    await db.collection('staff').doc('q1').remove()
    await t
      .collection('staff')
      .doc('q2')
      .update({ data: { n: 20 } })
    await t.collection('staff').add({ data: { _id: 'q4', shop: 'x', n: 4 } })
    const seen = await t.collection('staff').where({ shop: 'x' }).orderBy('n', 'desc').get()
    expect(seen.data.map((d) => [d._id, d.n])).toEqual([
      ['q2', 20],
      ['q4', 4],
      ['q1', 1],
    ])
    await t.rollback()
  })

  // @cloudbase/database src/collection.ts add(): an array of documents is one insertDocument with many items
  it('adds many documents in one call inside a transaction, all committed together', async () => {
    const t = await start()
    const added = await t.collection('ledger').add({
      data: [
        { _id: 'm1', delta: 1 },
        { _id: 'm2', delta: 2 },
      ],
    })
    expect(added._ids).toEqual(['m1', 'm2'])
    const seenOutside = async () =>
      (
        await db
          .collection('ledger')
          .where({ _id: db.command.in(['m1', 'm2']) })
          .count()
      ).total
    expect(await seenOutside()).toBe(0)
    await t.commit()
    expect(await seenOutside()).toBe(2)
  })

  // @cloudbase/database src/query.ts updateAndReturn(): action database.modifyAndReturnDoc, answer {updated, doc}
  it('updateAndReturn updates the first match and returns it as updated, inside and outside a transaction', async () => {
    const app = (require('@cloudbase/node-sdk') as { init(c: object): { database(): NodeDb } }).init({ env: 'local-test' })
    const ndb = app.database()
    await account('ret').set({ data: { n: 5, tag: 'ret' } })
    const plain = await ndb
      .collection('settings')
      .where({ tag: 'ret' })
      .updateAndReturn({ n: ndb.command.inc(1) })
    expect(plain).toMatchObject({ updated: 1, doc: { _id: 'ret', n: 6 } })
    const none = await ndb.collection('settings').where({ tag: 'nobody' }).updateAndReturn({ n: 1 })
    expect(none).toMatchObject({ updated: 0 })
    expect(none.doc).toBeUndefined()
    const t = await ndb.startTransaction()
    const inTx = await t
      .collection('settings')
      .where({ tag: 'ret' })
      .updateAndReturn({ n: ndb.command.inc(10) })
    expect(inTx.doc).toMatchObject({ n: 16 })
    expect(await balanceOf('ret')).toBe(6)
    await t.commit()
    expect(await balanceOf('ret')).toBe(16)
  })

  // a finished transaction no longer exists on the server (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL)
  it('refuses every operation on a committed or rolled-back transaction', async () => {
    await account('done').set({ data: { n: 1 } })
    const committed = await start()
    await committed
      .collection('settings')
      .doc('done')
      .update({ data: { n: 2 } })
    await committed.commit()
    const rolled = await start()
    await rolled.rollback()
    for (const t of [committed, rolled]) {
      const ops = [
        t.collection('settings').doc('done').get(),
        t
          .collection('settings')
          .doc('done')
          .update({ data: { n: 9 } }),
        t.collection('settings').doc('done').remove(),
        t.collection('settings').where({ n: 2 }).get(),
        t.collection('ledger').add({ data: { _id: 'late' } }),
      ]
      for (const op of ops) expect((await rejection(op)).errMsg).toContain('TransactionNotExist')
      expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
      expect((await rejection(t.rollback())).code).toBe('DATABASE_TRANSACTION_FAIL')
    }
    expect(await balanceOf('done')).toBe(2)
    expect((await db.collection('ledger').where({ _id: 'late' }).count()).total).toBe(0)
  })

  it('locks an inserted _id: a plain insert waits, then finds the duplicate', async () => {
    const t = await start()
    await t.collection('ledger').add({ data: { _id: 'claimed', by: 'tx' } })
    const plain = db.collection('ledger').add({ data: { _id: 'claimed', by: 'plain' } })
    expect(await settled(plain, 200)).toBe(false)
    await t.commit()
    const err = await rejection(plain)
    expect(err.errMsg).toContain('duplicate key')
    expect((await db.collection('ledger').doc('claimed').get()).data).toMatchObject({ by: 'tx' })
  })

  it('a plain update waits for the lock and applies after the commit', async () => {
    await account('lock').set({ data: { n: 1 } })
    const t = await start()
    await t
      .collection('settings')
      .doc('lock')
      .update({ data: { n: 5 } })
    const plain = account('lock').update({ data: { n: db.command.inc(1) } })
    expect(await settled(plain, 200)).toBe(false)
    expect(await balanceOf('lock')).toBe(1)
    await t.commit()
    await plain
    expect(await balanceOf('lock')).toBe(6)
  })

  it('an abandoned transaction times out and releases its locks', async () => {
    await account('stuck').set({ data: { n: 1 } })
    const t = await start()
    await t
      .collection('settings')
      .doc('stuck')
      .update({ data: { n: 99 } })
    const startedAt = Date.now()
    await account('stuck').update({ data: { n: db.command.inc(1) } })
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 300)
    expect(await balanceOf('stuck')).toBe(2)
    const err = await rejection(t.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL')
  })

  it('20 processes incrementing one counter at once lose no update', async () => {
    await account('counter').set({ data: { n: 0 } })
    const script = join(__dirname, 'fixtures', 'increment.js')
    const runOne = () => promisify(execFile)(process.execPath, [script], { env: { ...process.env, ...cloud.env }, timeout: 60_000 })
    const outputs = await Promise.all(Array.from({ length: 20 }, runOne))
    const results = outputs.map((o) => JSON.parse(o.stdout) as { ok: boolean; attempt?: number })
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await balanceOf('counter')).toBe(20)
    expect(cloud.server.db.stats().conflicts).toBeGreaterThan(0)
  }, 90_000)
})
