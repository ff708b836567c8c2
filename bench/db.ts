/**
 * `npm run bench:db`: operations per second of the database emulator, through the real SDK over HTTP
 * and straight to the database module in-process, so the emulator's own overhead is a known figure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EJSON } from 'bson'
import { startTestDatabase } from '@points-club/wechat-local-cloud/db-testing'
import { COLLECTIONS } from '../shared/collections'
import { cannedServer, withSdkAt } from './canned-server'

const BUDGET_MS = Number(process.env.BENCH_MS ?? 1500)
const LEDGER_SIZE = 5000
const MEMBERS_SIZE = 50_000

interface Figure {
  op: string
  sdk: number
  direct: number
}

const ejson = (value: Record<string, unknown>): string => EJSON.stringify(value, { relaxed: false })

/** Runs `step` repeatedly for the time budget; returns operations per second. */
async function measure(step: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now()
  let i = 0
  while (performance.now() - started < BUDGET_MS) await step(i++)
  return (i * 1000) / (performance.now() - started)
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-bench-'))
  const cloud = await startTestDatabase({ dataDir, collections: COLLECTIONS })
  const { db } = cloud
  const _ = db.command
  const engine = cloud.server.db
  const call = (action: string, body: Record<string, unknown>) => engine.handle(action, body)

  const day = (i: number): Date => new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000)
  const seed = Array.from({ length: LEDGER_SIZE }, (_v, i) => ejson({ _id: `seed-${i}`, openid: `o${i % 50}`, at: day(i), delta: 1 }))
  for (let i = 0; i < seed.length; i += 500) await call('database.insertDocument', { collectionName: 'ledger', data: seed.slice(i, i + 500) })
  const members = Array.from({ length: MEMBERS_SIZE }, (_v, i) => ejson({ _id: `m-${i}`, tier: 'normal', balance: i, nextExpiryAt: day(i) }))
  for (let i = 0; i < members.length; i += 1000)
    await call('database.insertDocument', { collectionName: 'members', data: members.slice(i, i + 1000) })
  for (const id of ['x', 'y']) await call('database.insertDocument', { collectionName: 'items', data: [ejson({ _id: id, stock: 1e9 })] })

  const figures: Figure[] = []
  const bench = async (op: string, sdk: (i: number) => Promise<unknown>, direct: (i: number) => Promise<unknown>) => {
    figures.push({ op, sdk: await measure(sdk), direct: await measure(direct) })
  }

  await bench(
    'insert',
    (i) => db.collection('members').add({ data: { _id: `sdk-${i}`, balance: i, createdAt: new Date() } }),
    (i) => call('database.insertDocument', { collectionName: 'members', data: [ejson({ _id: `direct-${i}`, balance: i, createdAt: new Date() })] }),
  )
  await bench(
    'get by id',
    (i) =>
      db
        .collection('members')
        .doc(`sdk-${i % 100}`)
        .get(),
    (i) => call('database.getDocument', { collectionName: 'members', queryType: 'DOC', query: ejson({ _id: `sdk-${i % 100}` }) }),
  )
  await bench(
    'conditional update',
    () =>
      db
        .collection('items')
        .where({ _id: 'x', stock: _.gte(1) })
        .update({ data: { stock: _.inc(-1) } }),
    () =>
      call('database.modifyDocument', {
        collectionName: 'items',
        queryType: 'WHERE',
        multi: true,
        merge: true,
        upsert: false,
        query: ejson({ _id: 'x', stock: { $gte: 1 } }),
        data: ejson({ $inc: { stock: -1 } }),
      }),
  )
  await bench(
    'two-document transaction',
    () =>
      db.runTransaction(
        async (t: { collection(n: string): { doc(id: string): { get(): Promise<unknown>; update(a: unknown): Promise<unknown> } } }) => {
          await t.collection('items').doc('x').get()
          await t.collection('items').doc('y').get()
          await t
            .collection('items')
            .doc('x')
            .update({ data: { stock: _.inc(-1) } })
          await t
            .collection('items')
            .doc('y')
            .update({ data: { stock: _.inc(1) } })
        },
      ),
    async () => {
      const { transactionId } = (await call('database.startTransaction', {})) as { transactionId: string }
      for (const id of ['x', 'y'])
        await call('database.getDocument', { collectionName: 'items', queryType: 'DOC', query: ejson({ _id: id }), transactionId })
      for (const [id, by] of [
        ['x', -1],
        ['y', 1],
      ] as const) {
        await call('database.modifyDocument', {
          collectionName: 'items',
          queryType: 'DOC',
          merge: true,
          multi: false,
          query: ejson({ _id: id }),
          data: ejson({ $inc: { stock: by } }),
          transactionId,
        })
      }
      await call('database.commitTransaction', { transactionId })
    },
  )
  const since = day(300)
  await bench(
    `indexed query (20 of ${LEDGER_SIZE})`,
    (i) =>
      db
        .collection('ledger')
        .where({ openid: `o${i % 50}`, at: _.gte(since) })
        .orderBy('at', 'desc')
        .limit(20)
        .get(),
    (i) =>
      call('database.getDocument', {
        collectionName: 'ledger',
        queryType: 'WHERE',
        limit: 20,
        query: ejson({ openid: `o${i % 50}`, at: { $gte: since } }),
        order: ejson({ at: -1 }),
      }),
  )
  const due = day(200)
  await bench(
    `indexed query, ordered, first 100 of ${MEMBERS_SIZE.toLocaleString('en-US')}`,
    () =>
      db
        .collection('members')
        .where({ nextExpiryAt: _.lte(due) })
        .orderBy('nextExpiryAt', 'asc')
        .limit(100)
        .get(),
    () =>
      call('database.getDocument', {
        collectionName: 'members',
        queryType: 'WHERE',
        limit: 100,
        query: ejson({ nextExpiryAt: { $lte: due } }),
        order: ejson({ nextExpiryAt: 1 }),
      }),
  )
  await bench(
    `unindexed scan (${LEDGER_SIZE} docs)`,
    (i) =>
      db
        .collection('ledger')
        .where({ delta: i % 2 === 0 ? 2 : 3 })
        .get(),
    (i) => call('database.getDocument', { collectionName: 'ledger', queryType: 'WHERE', limit: 100, query: ejson({ delta: i % 2 === 0 ? 2 : 3 }) }),
  )

  // the SDK's own share: the same get against a server that does no work
  const canned = await cannedServer(cloud.server.url)
  const floor = await withSdkAt(canned.url, () =>
    measure((i) =>
      db
        .collection('members')
        .doc(`sdk-${i % 100}`)
        .get(),
    ),
  )
  canned.close()

  const pad = (s: string, n: number): string => s.padEnd(n)
  const num = (n: number): string => n.toFixed(0).padStart(10)
  console.log(`${pad('operation', 44)}${'SDK ops/s'.padStart(10)}${'direct ops/s'.padStart(14)}${'HTTP+SDK µs/op'.padStart(16)}`)
  for (const f of figures) {
    const overhead = 1e6 / f.sdk - 1e6 / f.direct
    console.log(`${pad(f.op, 44)}${num(f.sdk)}${num(f.direct).padStart(14)}${overhead.toFixed(0).padStart(16)}`)
  }
  const get = figures.find((f) => f.op === 'get by id')!
  const local = 1e6 / get.sdk - 1e6 / floor
  console.log(
    `\nget by id, the SDK alone (a server that answers at once): ${(1e6 / floor).toFixed(0)} µs; the local cloud's part of the SDK path: ${local.toFixed(0)} µs, ${(local / (1e6 / get.direct)).toFixed(1)}× straight to the store`,
  )
  await cloud.close()
  rmSync(dataDir, { recursive: true, force: true })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
