/**
 * `node --import tsx bench/figures.ts KIND TREE`: one set of figures measured against the project in
 * folder TREE (this one or an older checkout), printed as one JSON line. KIND: load, host, db.
 * The measuring code is this tree's; the cloud, functions and SDK path are TREE's.
 */
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { mixedLoad } from './load'
import { cannedServer, withSdkAt } from './canned-server'
import { percentile } from './percentile'
import type { startTestCloud as StartTestCloud } from '../cloudfunctions/testkit'
import type { startLocalCloud as StartLocalCloud } from '@points-club/wechat-local-cloud/testing'
import type { startTestDatabase as StartTestDatabase } from '@points-club/wechat-local-cloud/db-testing'

export type Figures = Record<string, number>

const LOAD = {
  shoppers: Number(process.env.BENCH_SHOPPERS ?? 200),
  operations: Number(process.env.BENCH_OPERATIONS ?? 1500),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
}

async function load(tree: string): Promise<Figures> {
  const { startTestCloud } = require(path.join(tree, 'cloudfunctions', 'testkit')) as { startTestCloud: typeof StartTestCloud }
  const c = await startTestCloud()
  try {
    const f = await mixedLoad(c, LOAD)
    const op = (label: string, p: 'p50' | 'p99'): number => f.byOperation[label]?.[p] ?? NaN
    return {
      'mixed load ops/s': f.opsPerSecond,
      'p50 ms': f.p50,
      'p99 ms': f.p99,
      'summary p50 ms': op('summary', 'p50'),
      'issue+claim p50 ms': op('issue+claim', 'p50'),
      'voucher+claim p50 ms': op('voucher+claim', 'p50'),
      'redeem p99 ms': op('redeem', 'p99'),
      'unexpected errors': f.unexpected,
      'invariants broken': f.violations.length,
      'CPU ms per op, host process': f.cpu?.hostMs ?? NaN,
      'CPU ms per op, instances': f.cpu?.instancesMs ?? NaN,
    }
  } finally {
    await c.close()
  }
}

async function host(tree: string): Promise<Figures> {
  const { startLocalCloud } = require(path.join(tree, 'packages', 'local-cloud', 'src', 'host', 'testing')) as {
    startLocalCloud: typeof StartLocalCloud
  }
  // each tree's own default pool size
  const cloud = await startLocalCloud({ functionsDir: path.join(tree, 'packages', 'local-cloud', 'src', 'host', 'fixtures') })
  try {
    const warm: number[] = []
    await cloud.call('whoami', {}, 'bench')
    for (let i = 0; i < 50; i++) {
      const started = performance.now()
      await cloud.call('whoami', {}, 'bench')
      warm.push(performance.now() - started)
    }
    // the first burst grows the pool; the second shows what the grown pool serves
    const burst = async (): Promise<number> => {
      const started = performance.now()
      await Promise.all(Array.from({ length: 100 }, (_, i) => cloud.call('whoami', {}, `bench-${i}`)))
      return 100_000 / (performance.now() - started)
    }
    const first = await burst()
    return { 'warm call p50 ms': percentile(warm, 50), '100 concurrent calls/s (first)': first, '100 concurrent calls/s (again)': await burst() }
  } finally {
    await cloud.close()
  }
}

async function db(tree: string): Promise<Figures> {
  const { startTestDatabase } = require(path.join(tree, 'packages', 'local-cloud', 'src', 'db', 'testing')) as {
    startTestDatabase: typeof StartTestDatabase
  }
  const cloud = await startTestDatabase({ collections: { members: { indexes: [] } } })
  try {
    const members = cloud.db.collection('members')
    for (let i = 0; i < 100; i++) await members.add({ data: { _id: `m-${i}`, balance: i, tier: 'normal', createdAt: new Date() } })
    const direct = (i: number) =>
      cloud.server.db.handle('database.getDocument', {
        collectionName: 'members',
        queryType: 'DOC',
        query: EJSON.stringify({ _id: `m-${i % 100}` }, { relaxed: false }),
      })
    const sdk = (i: number) => members.doc(`m-${i % 100}`).get()
    const perOp = async (step: (i: number) => Promise<unknown>): Promise<number> => {
      const started = performance.now()
      let i = 0
      while (performance.now() - started < 1500) await step(i++)
      return ((performance.now() - started) * 1000) / i
    }
    // interleaved, so a change in the machine's load touches both
    const sdkUs = [await perOp(sdk), await perOp(sdk)]
    const directUs = [await perOp(direct), await perOp(direct)]
    sdkUs.push(await perOp(sdk))
    directUs.push(await perOp(direct))
    const canned = await cannedServer(cloud.server.url)
    const alone = await withSdkAt(canned.url, async () => Math.min(await perOp(sdk), await perOp(sdk)))
    canned.close()
    const s = Math.min(...sdkUs)
    const d = Math.min(...directUs)
    return {
      'get by id via SDK µs': s,
      'get by id direct µs': d,
      'SDK / direct': s / d,
      'the SDK alone µs': alone,
      "the local cloud's part µs": s - alone,
    }
  } finally {
    await cloud.close()
  }
}

const KINDS: Record<string, (tree: string) => Promise<Figures>> = { load, host, db }

if (require.main === module) {
  const [kind = '', tree = path.join(__dirname, '..')] = process.argv.slice(2)
  const run = KINDS[kind]
  if (!run) throw new Error(`figures: unknown kind ${kind}`)
  run(path.resolve(tree)).then(
    (figures) => {
      console.log(`FIGURES ${JSON.stringify({ ...figures, 'load average (1 min)': os.loadavg()[0] ?? NaN })}`)
      process.exit(0)
    },
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
