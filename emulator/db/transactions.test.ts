import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'

let cloud: TestDatabase
let db: SdkDatabase

const TIMEOUT_MS = 4000

beforeAll(async () => {
  cloud = await startTestDatabase({ transactionTimeoutMs: TIMEOUT_MS })
  db = cloud.db
})

afterAll(async () => {
  await cloud.close()
})

// the SDK's transaction object, typed by what the tests use
interface Tx {
  collection(name: string): { doc(id: string): { get(): Promise<{ data: Record<string, unknown> }>; update(arg: unknown): Promise<unknown>; set(arg: unknown): Promise<unknown>; remove(): Promise<unknown> }; add(arg: unknown): Promise<unknown>; where(q: unknown): { get(): Promise<unknown> } }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

const account = (id: string) => db.collection('settings').doc(id)
const balanceOf = async (id: string): Promise<number> => ((await account(id).get()).data as { n: number }).n
const start = (): Promise<Tx> => db.startTransaction() as Promise<Tx>
const run = <T>(fn: (t: Tx) => Promise<T>): Promise<T> => db.runTransaction(fn) as Promise<T>

const rejection = async (promise: Promise<unknown>): Promise<{ code?: string; errMsg?: string; message?: string }> => {
  try {
    await promise
  } catch (err) {
    return err as { code?: string }
  }
  throw new Error('expected a rejection')
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let done = false
  void promise.then(() => (done = true), () => (done = true))
  await new Promise((resolve) => setTimeout(resolve, ms))
  return done
}

describe('transactions through the real SDK', () => {
  it('commits writes across documents and collections together', async () => {
    await account('a1').set({ data: { n: 100 } })
    const result = await run(async (t) => {
      const a = await t.collection('settings').doc('a1').get()
      await t.collection('settings').doc('a1').update({ data: { n: (a.data.n as number) - 30 } })
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
    await t.collection('settings').doc('own').update({ data: { n: 2 } })
    expect((await t.collection('settings').doc('own').get()).data.n).toBe(2)
    expect(await balanceOf('own')).toBe(1)
    await t.commit()
    expect(await balanceOf('own')).toBe(2)
  })

  it('rollback rethrows the reason and writes nothing', async () => {
    await account('r1').set({ data: { n: 5 } })
    const err = await rejection(
      run(async (t) => {
        await t.collection('settings').doc('r1').update({ data: { n: 0 } })
        await t.collection('ledger').add({ data: { _id: 'never' } })
        await t.rollback({ reason: 'insufficient' })
      }),
    )
    expect(err).toEqual({ reason: 'insufficient' })
    expect(await balanceOf('r1')).toBe(5)
    expect((await db.collection('ledger').where({ _id: 'never' }).count()).total).toBe(0)
  })

  it('reads a snapshot as of its start, and a write to a document changed since then conflicts', async () => {
    await account('snap').set({ data: { n: 1 } })
    const t = await start()
    await account('snap').update({ data: { n: 2 } })
    expect((await t.collection('settings').doc('snap').get()).data.n).toBe(1)
    await t.collection('settings').doc('snap').update({ data: { n: 10 } })
    const err = await rejection(t.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(await balanceOf('snap')).toBe(2)
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

  it('a conflicting runTransaction retries and loses no update', async () => {
    await account('race').set({ data: { n: 0 } })
    let attempts = 0
    let release!: () => void
    const bothRead = new Promise<void>((resolve) => (release = resolve))
    let reads = 0
    const add = (delta: number) =>
      run(async (t) => {
        attempts++
        const doc = await t.collection('settings').doc('race').get()
        if (++reads === 2) release()
        await bothRead
        await t.collection('settings').doc('race').update({ data: { n: (doc.data.n as number) + delta } })
      })
    await Promise.all([add(1), add(10)])
    expect(await balanceOf('race')).toBe(11)
    expect(attempts).toBe(3)
  })

  it('allows only single-document operations by _id', async () => {
    const t = await start()
    const err = await rejection(t.collection('settings').where({ n: 1 }).get())
    expect(err.errMsg ?? err.message).toContain('_id')
    await t.rollback()
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
    await t.collection('settings').doc('lock').update({ data: { n: 5 } })
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
    await t.collection('settings').doc('stuck').update({ data: { n: 99 } })
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
