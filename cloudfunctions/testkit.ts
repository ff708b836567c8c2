/** For function tests and the bench: a local cloud over freshly built functions, and a caller that speaks its HTTP face. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import type { Envelope } from '../shared/api'
import type { Member, LedgerEntry, PurchaseDoc } from '../shared/member'
import type { GivenAway, Metrics } from '../shared/metrics'
import { openLocalCloud, type LocalCloud } from '@points-club/wechat-local-cloud'
import { postJson } from '@points-club/wechat-local-cloud/testing'
import { buildFunctions } from '../scripts/build-functions'
import { seedDemo } from '../scripts/demo-seed'
import { COLLECTIONS } from '../shared/collections'

export interface TestCloud {
  url: string
  cloud: LocalCloud
  /** Calls `fn` as `openid` (null: no WeChat identity) and answers the envelope. */
  call<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<Envelope<T>>
  /** Like `call`, but fails the test unless the answer is ok. */
  data<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<T>
  setClock(now: string | null): Promise<void>
  /** Fires `fn`'s timer trigger as the cloud would (no WeChat identity) and answers its envelope's data; fails the test on an error. */
  trigger<T = unknown>(fn: string): Promise<T>
  /** Documents of a collection matching a plain query, read straight from the database. */
  docs<T = Record<string, unknown>>(collection: string, query?: Record<string, unknown>): Promise<T[]>
  /** Writes a document as is (test setup: a member with points, an item with little stock). */
  put(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void>
  /** Removes one document (test cleanup). */
  remove(collection: string, id: string): Promise<void>
  /**
   * Every broken invariant: balance = sum of ledger deltas = sum of open lots ≥ 0; debt ≥ 0; stock ≥ 0; refunds within
   * what was paid; no purchase takes off more than its amount, and the value the metrics say was given away is the
   * purchases' own. Empty when all hold.
   */
  violations(): Promise<string[]>
  stats(): Promise<Record<string, unknown>>
  close(): Promise<void>
}

const NEEDED = ['member', 'checkin', 'exchange', 'store']

/** Builds the functions into a private folder (test files run in parallel) and opens a seeded local cloud on a free port. */
export interface TestCloudOptions {
  maxInstances?: number
  /** Environment variables every function gets (as `.env.local` gives them). */
  env?: Record<string, string>
  /** A new cloud environment: no collection and no demo data until the functions make them. */
  bare?: boolean
}

export async function startTestCloud(options: TestCloudOptions = {}): Promise<TestCloud> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'points-fn-'))
  const functionsDir = path.join(root, 'functions')
  const report = await buildFunctions({ outDir: functionsDir, force: true })
  // other functions may be mid-change; only the ones these tests call must build
  const broken = report.failed.filter((f) => NEEDED.includes(f.name))
  if (broken.length > 0) throw new Error(`build failed: ${JSON.stringify(broken)}`)
  const envFile = path.join(root, '.env.local')
  fs.writeFileSync(
    envFile,
    Object.entries(options.env ?? {})
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join('\n'),
  )
  // a bare cloud is a new cloud environment: no collection and no demo until the functions make them
  const cloud = await openLocalCloud({
    functionsDir,
    dataDir: path.join(root, 'data'),
    collections: options.bare ? undefined : COLLECTIONS,
    seed: options.bare ? undefined : seedDemo,
    envFile,
    timers: false,
    maxInstances: options.maxInstances,
    showLogs: process.env.SHOW_LOGS === '1' ? true : false,
  })
  if (cloud.seedError) {
    await cloud.close()
    throw new Error(`seeding the demo failed: ${cloud.seedError}`)
  }
  const url = cloud.url
  const call = async <T>(fn: string, event: Record<string, unknown>, openid: string | null = 'demo-shopper-1'): Promise<Envelope<T>> => {
    const { status, body } = await postJson<Envelope<T>>(`${url}/functions/${fn}`, event, openid === null ? {} : { 'x-wx-openid': openid })
    if (status !== 200) throw new Error(`${fn} ${JSON.stringify(event)} → HTTP ${status} ${JSON.stringify(body)}`)
    return body
  }
  const docs = async <T>(collection: string, query: Record<string, unknown> = {}): Promise<T[]> => {
    const out: T[] = []
    for (let offset = 0; ; offset += 1000) {
      const reply = (await cloud.server.db.handle('database.getDocument', {
        collectionName: collection,
        queryType: 'WHERE',
        query: EJSON.stringify(query, { relaxed: false }),
        offset,
        limit: 1000,
      })) as { data: { list: string[] } }
      out.push(...reply.data.list.map((text) => EJSON.parse(text) as T))
      if (reply.data.list.length < 1000) return out
    }
  }
  return {
    url,
    cloud,
    call,
    async data<T>(fn: string, event: Record<string, unknown>, openid: string | null = 'demo-shopper-1'): Promise<T> {
      const answer = await call<T>(fn, event, openid)
      if (!answer.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${answer.error.code} ${answer.error.message}`)
      return answer.data
    },
    async setClock(now) {
      await postJson(`${url}/_emulator/clock`, { now })
    },
    async trigger<T>(fn: string) {
      const { status, body } = await postJson<Envelope<T>>(`${url}/_emulator/trigger/${fn}`, {})
      if (!body.ok) throw new Error(`${fn} timer → HTTP ${status} ${JSON.stringify(body)}`)
      return body.data
    },
    docs,
    put: (collection, doc) => cloud.server.db.setDocument(collection, doc),
    async remove(collection, id) {
      await cloud.server.db.handle('database.removeDocument', {
        collectionName: collection,
        queryType: 'DOC',
        query: EJSON.stringify({ _id: id }, { relaxed: false }),
        multi: false,
      })
    },
    async violations() {
      const out: string[] = []
      const ledger = await docs<LedgerEntry>('ledger')
      for (const m of await docs<Member>('members')) {
        const deltas = ledger.filter((e) => e.openid === m._id).reduce((sum, e) => sum + e.delta, 0)
        const lots = m.lots.reduce((sum, l) => sum + l.points, 0)
        if (m.balance !== deltas || m.balance !== lots || m.balance < 0) out.push(`${m._id}: balance ${m.balance}, ledger ${deltas}, lots ${lots}`)
        if ((m.pointsDebt ?? 0) < 0) out.push(`${m._id}: debt ${m.pointsDebt}`)
      }
      for (const item of await docs<{ _id: string; stock: number }>('items')) if (item.stock < 0) out.push(`${item._id}: stock ${item.stock}`)
      const refunds = await docs<{ orderId: string; amountFen: number }>('refunds')
      for (const p of await docs<PurchaseDoc>('purchases')) {
        const sum = refunds.filter((r) => r.orderId === p.orderId).reduce((s, r) => s + r.amountFen, 0)
        const refunded = p.refundedFen ?? 0
        if (refunded !== sum || refunded > (p.claim?.payFen ?? 0))
          out.push(`${p.orderId}: refunded ${refunded}, refunds ${sum}, paid ${p.claim?.payFen ?? 0}`)
      }
      return [...out, ...(await givenAwayViolations(this as TestCloud))]
    },
    async stats() {
      return (await (await fetch(`${url}/_emulator/stats`)).json()) as Record<string, unknown>
    },
    async close() {
      await cloud.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

const DAY_MS = 86_400_000
/** The metrics' longest period. */
const PERIOD_DAYS = 366
const AUDITOR = 'invariant-auditor'

/** What a claimed purchase took off: tier discount, voucher, points as cash. */
function takenOff(p: PurchaseDoc): GivenAway {
  const c = p.claim!
  return {
    tierDiscountFen: c.tierDiscountFen,
    voucherOffFen: c.voucherOffFen,
    pointsCashFen: c.deductedFen,
    totalFen: c.tierDiscountFen + c.voucherOffFen + c.deductedFen,
  }
}

function addUp(all: readonly GivenAway[]): GivenAway {
  const sum = (k: keyof GivenAway) => all.reduce((s, g) => s + g[k], 0)
  return {
    tierDiscountFen: sum('tierDiscountFen'),
    voucherOffFen: sum('voucherOffFen'),
    pointsCashFen: sum('pointsCashFen'),
    totalFen: sum('totalFen'),
  }
}

/** Metrics periods of at most a year covering every instant from `first` to `last`, whatever the merchant's zone. */
function periodsCovering(first: number, last: number): Array<{ from: string; to: string }> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const out: Array<{ from: string; to: string }> = []
  for (let start = first - DAY_MS; start <= last + DAY_MS; start += PERIOD_DAYS * DAY_MS)
    out.push({ from: day(start), to: day(Math.min(start + (PERIOD_DAYS - 1) * DAY_MS, last + DAY_MS)) })
  return out
}

/** No purchase takes off more than its amount, and the metrics report exactly what members' claimed purchases took off (fully refunded ones aside). */
async function givenAwayViolations(cloud: Pick<TestCloud, 'docs' | 'data' | 'put' | 'remove'>): Promise<string[]> {
  const claimed = (await cloud.docs<PurchaseDoc>('purchases')).filter((p) => p.claim && p.claimedAt)
  const out = claimed.flatMap((p) => {
    const off = takenOff(p).totalFen
    return off > p.amountFen || p.claim!.payFen !== p.amountFen - off
      ? [`${p.orderId}: amount ${p.amountFen}, taken off ${off}, paid ${p.claim!.payFen}`]
      : []
  })
  const staff = new Set((await cloud.docs<{ _id: string }>('staff')).map((s) => s._id))
  const counted = claimed.filter((p) => !staff.has(p.claimedBy!) && p.status !== 'refunded')
  if (counted.length === 0) return out
  const instants = claimed.map((p) => new Date(p.claimedAt!).getTime())
  await cloud.put('staff', { _id: AUDITOR, role: 'admin', name: '核对' })
  try {
    const reported: GivenAway[] = []
    for (const period of periodsCovering(Math.min(...instants), Math.max(...instants)))
      reported.push((await cloud.data<Metrics>('store', { action: 'metrics', ...period }, AUDITOR)).givenAway)
    const expected = addUp(counted.map(takenOff))
    const got = addUp(reported)
    if (JSON.stringify(got) !== JSON.stringify(expected))
      out.push(`metrics give away ${JSON.stringify(got)}, purchases took off ${JSON.stringify(expected)}`)
  } finally {
    await cloud.remove('staff', AUDITOR)
  }
  return out
}
