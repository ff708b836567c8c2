/**
 * The mixed shopper load (check-ins, purchase claims with and without a voucher, redemptions, summaries)
 * against a test cloud, with where each call's time went when the cloud records it.
 */
import os from 'node:os'
import { cpuPerOperation, cpuTime, type CpuTime } from './cpu-time'
import { percentile } from './percentile'
import type { TestCloud } from '../cloudfunctions/testkit'

export interface LoadOptions {
  shoppers: number
  operations: number
  concurrency: number
}

export interface LoadFigures {
  opsPerSecond: number
  p50: number
  p99: number
  byOperation: Record<string, { p50: number; p99: number; max: number; n: number }>
  unexpected: number
  outcomes: Record<string, number>
  invariantsHold: boolean
  violations: string[]
  /** Means per call by `function.action`, from the host's and the server's own records (absent on a cloud that keeps none). */
  breakdown?: Record<string, CallBreakdown>
  /** CPU ms per operation, host process and instances (absent without /proc). */
  cpu: CpuTime | null
  /** Instances each function's pool had when the load ended. */
  instances: Record<string, number>
  loadavg: number[]
}

/** Sums over the calls of one `function.action`; `print` shows them as means. */
export interface CallBreakdown {
  calls: number
  hostMs: number
  queueMs: number
  runMs: number
  cloudMs: number
  cloudRequests: number
  serverMs: number
  serverRequests: number
  parseMs: number
  sqlMs: number
  serialiseMs: number
}

/** What a 0.1-era invocation record carries, read loosely so a cloud without timings still runs the load. */
interface Recorded {
  functionName: string
  action?: string
  durationMs: number
  timing?: {
    queueMs: number
    runMs: number
    cloudMs: number
    cloudRequests: number
    server: { requests: number; totalMs: number; parse: number; sql: number; serialise: number }
  }
}

interface Listenable {
  listen?: (listener: (invocation: Recorded) => void) => () => void
}

/** Tills that issue purchase codes: a shop has several, and one clerk never issues 32 codes at the same instant. */
const TILLS = 8
const VOUCHER_ITEM = 'load-coupon'

async function prepare(c: TestCloud, ids: string[], options: LoadOptions): Promise<void> {
  for (const id of ids) await c.data('member', { action: 'login' }, id)
  for (let i = 0; i < TILLS; i++) await c.put('staff', { _id: `load-till-${i}`, role: 'admin', name: `收银台 ${i + 1}` })
  await c.put('items', {
    _id: 'load-item',
    name: '压测福袋',
    kind: 'goods',
    points: 50,
    stock: Math.floor(options.operations / 10),
    validDays: 30,
    active: true,
  })
  await c.put('items', {
    _id: VOUCHER_ITEM,
    name: '满100减10券',
    kind: 'coupon',
    points: 1,
    stock: options.operations,
    validDays: 30,
    active: true,
    value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 },
  })
}

/** Starts every instance the pools will use, so cold starts do not count as latency. */
async function warm(c: TestCloud, who: string, concurrency: number): Promise<void> {
  const calls = [
    () => c.call('member', { action: 'summary' }, who),
    () => c.call('checkin', { action: 'calendar', month: '2026-01' }, who),
    () => c.call('exchange', { action: 'vouchers' }, who),
    () => c.call('store', { action: 'lookupVoucher', code: 'AAAAAAAAAAAAAAAA' }, 'demo-staff'),
  ]
  // a slow machine may time some out: warming only has to start the instances
  for (let round = 0; round < 3; round++)
    await Promise.all(calls.flatMap((call) => Array.from({ length: concurrency }, () => call().catch(() => undefined))))
}

type Operation = (c: TestCloud, who: string, n: number) => Promise<string>

const codeOf = (answer: { ok: boolean; error?: { code: string } }): string => (answer.ok ? 'ok' : (answer.error?.code ?? '?'))

async function issue(c: TestCloud, n: number, amountFen: number): Promise<string> {
  const issued = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: `load-order-${n}`, amountFen }, `load-till-${n % TILLS}`)
  return issued.code
}

/** The mix: share of operations and what each does. */
const MIX: Array<[string, number, Operation]> = [
  ['checkIn', 0.25, async (c, who) => codeOf(await c.call('checkin', { action: 'checkIn' }, who))],
  [
    'issue+claim',
    0.25,
    async (c, who, n) => {
      const code = await issue(c, n, 1000 + Math.floor(Math.random() * 50_000))
      return codeOf(await c.call('store', { action: 'claimPurchase', code, usePoints: Math.random() < 0.3 }, who))
    },
  ],
  [
    'voucher+claim',
    0.1,
    async (c, who, n) => {
      const redeemed = await c.call<{ voucher: { code: string } }>(
        'exchange',
        { action: 'redeem', itemId: VOUCHER_ITEM, requestId: `load-v-${n}` },
        who,
      )
      if (!redeemed.ok) return `redeem ${codeOf(redeemed)}`
      const code = await issue(c, n, 100_00 + Math.floor(Math.random() * 50_000))
      return codeOf(await c.call('store', { action: 'claimPurchase', code, voucherCode: redeemed.data.voucher.code }, who))
    },
  ],
  ['redeem', 0.2, async (c, who, n) => codeOf(await c.call('exchange', { action: 'redeem', itemId: 'load-item', requestId: `load-${n}` }, who))],
  ['summary', 0.2, async (c, who) => codeOf(await c.call('member', { action: 'summary' }, who))],
]

function pick(): [string, Operation] {
  let roll = Math.random()
  for (const [label, share, op] of MIX) {
    if (roll < share) return [label, op]
    roll -= share
  }
  const last = MIX[MIX.length - 1]!
  return [last[0], last[2]]
}

/** Collects every invocation's breakdown by `function.action` while the load runs. */
function recordBreakdown(c: TestCloud): { stop(): Record<string, CallBreakdown> | undefined } {
  const log = c.cloud.host.invocations as unknown as Listenable
  if (!log.listen) return { stop: () => undefined }
  const sums: Record<string, CallBreakdown> = {}
  const unlisten = log.listen((inv) => {
    const t = inv.timing
    if (!t) return
    const key = `${inv.functionName}.${inv.action ?? '?'}`
    const s = (sums[key] ??= {
      calls: 0,
      hostMs: 0,
      queueMs: 0,
      runMs: 0,
      cloudMs: 0,
      cloudRequests: 0,
      serverMs: 0,
      serverRequests: 0,
      parseMs: 0,
      sqlMs: 0,
      serialiseMs: 0,
    })
    s.calls += 1
    s.hostMs += inv.durationMs
    s.queueMs += t.queueMs
    s.runMs += t.runMs
    s.cloudMs += t.cloudMs
    s.cloudRequests += t.cloudRequests
    s.serverMs += t.server.totalMs
    s.serverRequests += t.server.requests
    s.parseMs += t.server.parse
    s.sqlMs += t.server.sql
    s.serialiseMs += t.server.serialise
  })
  return {
    stop() {
      unlisten()
      return sums
    },
  }
}

export async function mixedLoad(c: TestCloud, options: LoadOptions): Promise<LoadFigures> {
  const ids = Array.from({ length: options.shoppers }, (_, i) => `load-${i}`)
  await prepare(c, ids, options)
  await warm(c, ids[0]!, options.concurrency)
  const latencies: number[] = []
  const byLabel = new Map<string, number[]>()
  const outcomes: Record<string, number> = {}
  let unexpected = 0
  let next = 0
  const one = async (n: number): Promise<void> => {
    const who = ids[Math.floor(Math.random() * ids.length)]!
    const [label, op] = pick()
    const started = performance.now()
    const code = await op(c, who, n)
    const took = performance.now() - started
    latencies.push(took)
    byLabel.set(label, [...(byLabel.get(label) ?? []), took])
    outcomes[`${label} ${code}`] = (outcomes[`${label} ${code}`] ?? 0) + 1
    if (code.endsWith('INTERNAL') || code.endsWith('CONFLICT')) unexpected++
  }
  const recording = recordBreakdown(c)
  const cpuBefore = cpuTime()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let n = next++; n < options.operations; n = next++) {
        await one(n).catch((err: unknown) => {
          unexpected++
          console.error(err)
        })
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const cpu = cpuPerOperation(cpuBefore, cpuTime(), options.operations)
  const loadavg = os.loadavg()
  const breakdown = recording.stop()
  const { functions = {} } = (await c.stats()) as { functions?: Record<string, { instances: number }> }
  const instances = Object.fromEntries(Object.entries(functions).map(([name, pool]) => [name, pool.instances]))
  const violations = await c.violations()
  const byOperation = Object.fromEntries(
    [...byLabel]
      .sort()
      .map(([label, list]) => [label, { p50: percentile(list, 50), p99: percentile(list, 99), max: Math.max(...list), n: list.length }]),
  )
  return {
    opsPerSecond: options.operations / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    byOperation,
    unexpected,
    outcomes,
    invariantsHold: violations.length === 0,
    violations,
    breakdown,
    cpu,
    instances,
    loadavg,
  }
}

const ms = (n: number): string => n.toFixed(n < 10 ? 2 : 1)

export function printLoad(f: LoadFigures, options: LoadOptions): void {
  console.log(
    `\nmixed load: ${options.operations} operations by ${options.shoppers} shoppers, ${options.concurrency} at a time (load average ${f.loadavg.map((l) => l.toFixed(2)).join(' ')})`,
  )
  console.log(`  throughput ${f.opsPerSecond.toFixed(1)} ops/s (an issue+claim counts as one operation of two calls, a voucher+claim one of three)`)
  console.log(`  latency p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms`)
  const pools = Object.entries(f.instances).map(([name, n]) => `${name} ${n}`)
  if (pools.length > 0) console.log(`  instances per function: ${pools.join(', ')}`)
  if (f.cpu)
    console.log(
      `  CPU per operation ${ms(f.cpu.hostMs + f.cpu.instancesMs)} ms: ${ms(f.cpu.hostMs)} in the host process (server, host, load client), ${ms(f.cpu.instancesMs)} in instances`,
    )
  for (const [label, o] of Object.entries(f.byOperation))
    console.log(`    ${label.padEnd(14)} p50 ${ms(o.p50)} ms, p99 ${ms(o.p99)} ms, max ${o.max.toFixed(0)} ms (${o.n})`)
  console.log(`  unexpected errors (INTERNAL, CONFLICT, thrown): ${f.unexpected}`)
  for (const [key, count] of Object.entries(f.outcomes).sort()) console.log(`    ${key.padEnd(36)} ${count}`)
  console.log(`  invariants (balance = ledger = lots ≥ 0, stock ≥ 0): ${f.invariantsHold ? 'hold' : f.violations.join('; ')}`)
  if (f.breakdown) printBreakdown(f.breakdown)
}

/** Means per call: where a call's time at the host went, and the server's time per database request. */
export function printBreakdown(sums: Record<string, CallBreakdown>): void {
  console.log('\n  where the time went, mean per call in ms (host = from the call reaching the host to its answer)')
  console.log('    queue = waiting for a free instance; function = the handler, of which cloud = with a request to the local cloud in flight')
  console.log("    server = the server's own time on those requests; per request: parse (JSON, EJSON), sql, serialise, rest (mingo, bookkeeping)")
  const head = ['calls', 'host', 'queue', 'function', 'cloud', 'own', 'reqs', 'server', '| /req', 'parse', 'sql', 'serial', 'rest']
  console.log(`    ${'call'.padEnd(28)}${head.map((h) => h.padStart(9)).join('')}`)
  for (const [key, s] of Object.entries(sums).sort()) {
    const per = (v: number): string => ms(v / s.calls).padStart(9)
    const perReq = (v: number): string => (s.serverRequests ? ms(v / s.serverRequests) : '-').padStart(9)
    const rest = s.serverMs - s.parseMs - s.sqlMs - s.serialiseMs
    const cells = [
      String(s.calls).padStart(9),
      per(s.hostMs),
      per(s.queueMs),
      per(s.runMs),
      per(s.cloudMs),
      per(s.runMs - s.cloudMs),
      (s.cloudRequests / s.calls).toFixed(1).padStart(9),
      per(s.serverMs),
      perReq(s.serverMs),
      perReq(s.parseMs),
      perReq(s.sqlMs),
      perReq(s.serialiseMs),
      perReq(rest),
    ]
    console.log(`    ${key.padEnd(28)}${cells.join('')}`)
  }
}
