/**
 * `tsx bench/actions.ts`: database requests per action (from the emulator's counters) and the
 * throughput and latency of a mixed shopper load (check-ins, purchase claims, redemptions, summaries).
 */
import { percentile } from './percentile'
import { startTestCloud, type TestCloud } from '../cloudfunctions/testkit'

interface Step {
  label: string
  fn: string
  event: Record<string, unknown> | (() => Record<string, unknown>)
  openid: string
}

async function requests(c: TestCloud): Promise<number> {
  const stats = (await c.stats()) as { database: { requests: number } }
  return stats.database.requests
}

/** Requests one call makes, measured on warm instances (rules cached). */
async function requestsPerAction(c: TestCloud): Promise<Array<[string, number, string]>> {
  const shopper = 'bench-solo'
  let purchase = ''
  let voucher = ''
  let voucher2 = ''
  let memberCode = ''
  let valued = ''
  let purchase2 = ''
  const steps: Step[] = [
    { label: 'member.login (new member)', fn: 'member', event: { action: 'login' }, openid: shopper },
    { label: 'member.login (returning)', fn: 'member', event: { action: 'login' }, openid: shopper },
    { label: 'member.summary', fn: 'member', event: { action: 'summary' }, openid: shopper },
    { label: 'member.updateProfile', fn: 'member', event: { action: 'updateProfile', birthday: '1990-03-04', address: '上海' }, openid: shopper },
    { label: 'member.ledger', fn: 'member', event: { action: 'ledger', limit: 20 }, openid: shopper },
    { label: 'member.subscribe', fn: 'member', event: { action: 'subscribe', kinds: ['expiry'] }, openid: shopper },
    { label: 'checkin.checkIn', fn: 'checkin', event: { action: 'checkIn' }, openid: shopper },
    { label: 'checkin.checkIn (again: ALREADY_DONE)', fn: 'checkin', event: { action: 'checkIn' }, openid: shopper },
    { label: 'checkin.calendar', fn: 'checkin', event: { action: 'calendar', month: '2026-11' }, openid: shopper },
    { label: 'store.issuePurchase', fn: 'store', event: { action: 'issuePurchase', orderId: 'bench-order', amountFen: 800_00 }, openid: 'demo-staff' },
    { label: 'store.previewPurchase', fn: 'store', event: () => ({ action: 'previewPurchase', code: purchase, pointsToUse: 50 }), openid: shopper },
    { label: 'store.claimPurchase (first, usePoints)', fn: 'store', event: () => ({ action: 'claimPurchase', code: purchase, usePoints: true }), openid: shopper },
    { label: 'store.purchase', fn: 'store', event: { action: 'purchase', orderId: 'bench-order' }, openid: 'demo-staff' },
    { label: 'member.memberCode', fn: 'member', event: { action: 'memberCode', allowPoints: true }, openid: shopper },
    { label: 'store.checkout (with points)', fn: 'store', event: () => ({ action: 'checkout', orderId: 'bench-checkout', amountFen: 120_00, memberCode, pointsToUse: 100 }), openid: 'demo-staff' },
    { label: 'store.refund (part)', fn: 'store', event: { action: 'refund', orderId: 'bench-checkout', refundId: 'r1', amountFen: 50_00 }, openid: 'demo-staff' },
    { label: 'store.refund (repeat: first answer)', fn: 'store', event: { action: 'refund', orderId: 'bench-checkout', refundId: 'r1', amountFen: 50_00 }, openid: 'demo-staff' },
    { label: 'exchange.catalog', fn: 'exchange', event: { action: 'catalog' }, openid: shopper },
    { label: 'exchange.redeem', fn: 'exchange', event: { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-1' }, openid: shopper },
    { label: 'exchange.redeem (repeat: ALREADY_DONE)', fn: 'exchange', event: { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-1' }, openid: shopper },
    { label: 'exchange.vouchers', fn: 'exchange', event: { action: 'vouchers' }, openid: shopper },
    { label: 'exchange.redeem (a 满100减10 voucher)', fn: 'exchange', event: { action: 'redeem', itemId: 'bench-coupon', requestId: 'bench-3' }, openid: shopper },
    { label: 'store.issuePurchase (for a voucher)', fn: 'store', event: { action: 'issuePurchase', orderId: 'bench-order-2', amountFen: 150_00 }, openid: 'demo-staff' },
    { label: 'store.previewPurchase (with a voucher)', fn: 'store', event: () => ({ action: 'previewPurchase', code: purchase2, voucherCode: valued }), openid: shopper },
    { label: 'store.claimPurchase (with a voucher)', fn: 'store', event: () => ({ action: 'claimPurchase', code: purchase2, voucherCode: valued }), openid: shopper },
    { label: 'store.lookupVoucher', fn: 'store', event: () => ({ action: 'lookupVoucher', code: voucher }), openid: 'demo-staff' },
    { label: 'store.fulfilVoucher', fn: 'store', event: () => ({ action: 'fulfilVoucher', code: voucher }), openid: 'demo-staff' },
    { label: 'store.rejectVoucher', fn: 'store', event: () => ({ action: 'rejectVoucher', code: voucher2, reason: '缺货' }), openid: 'demo-staff' },
    { label: 'store.saveItem', fn: 'store', event: { action: 'saveItem', item: { id: 'bench-item', name: '测试', kind: 'goods', points: 10, stock: 10 } }, openid: 'demo-admin' },
    { label: 'member.deleteAccount', fn: 'member', event: { action: 'deleteAccount' }, openid: shopper },
  ]
  await c.put('items', { _id: 'bench-coupon', name: '满100减10券', kind: 'coupon', points: 10, stock: 10, validDays: 30, active: true, value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 } })
  // warm every function instance and the rules cache
  await c.data('member', { action: 'summary' }, 'demo-shopper-1')
  await c.data('checkin', { action: 'calendar', month: '2026-01' }, 'demo-shopper-1')
  await c.data('exchange', { action: 'vouchers' }, 'demo-shopper-1')
  await c.data('store', { action: 'lookupVoucher', code: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'demo-staff').catch(() => undefined)
  const rows: Array<[string, number, string]> = []
  for (const step of steps) {
    if (step.label === 'store.rejectVoucher') {
      const r = await c.data<{ voucher: { code: string } }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-2' }, shopper)
      voucher2 = r.voucher.code
    }
    const before = await requests(c)
    const event = typeof step.event === 'function' ? step.event() : step.event
    const answer = await c.call<Record<string, unknown>>(step.fn, event, step.openid)
    rows.push([step.label, (await requests(c)) - before, answer.ok ? 'ok' : answer.error.code])
    if (answer.ok && step.label === 'store.issuePurchase') purchase = String(answer.data.code)
    if (answer.ok && step.label === 'member.memberCode') memberCode = String(answer.data.code)
    if (answer.ok && step.label === 'exchange.redeem') voucher = String((answer.data.voucher as { code: string }).code)
    if (answer.ok && step.label.startsWith('exchange.redeem (a 满100减10')) valued = String((answer.data.voucher as { code: string }).code)
    if (answer.ok && step.label === 'store.issuePurchase (for a voucher)') purchase2 = String(answer.data.code)
  }
  return rows
}

/** Many shoppers at once: each does a random mix; counts expected refusals apart from real errors. */
async function mixedLoad(c: TestCloud, shoppers: number, operations: number, concurrency: number): Promise<void> {
  const ids = Array.from({ length: shoppers }, (_, i) => `load-${i}`)
  for (const id of ids) await c.data('member', { action: 'login' }, id)
  await c.put('items', { _id: 'load-item', name: '压测福袋', kind: 'goods', points: 50, stock: Math.floor(operations / 10), validDays: 30, active: true })
  // start every instance the pools will use, so cold starts do not count as latency
  const warm = [
    () => c.call('member', { action: 'summary' }, ids[0]),
    () => c.call('checkin', { action: 'calendar', month: '2026-01' }, ids[0]),
    () => c.call('exchange', { action: 'vouchers' }, ids[0]),
    () => c.call('store', { action: 'lookupVoucher', code: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'demo-staff'),
  ]
  for (let round = 0; round < 3; round++) await Promise.all(warm.flatMap((call) => Array.from({ length: concurrency }, call)))
  const latencies: number[] = []
  const outcomes = new Map<string, number>()
  const byLabel = new Map<string, number[]>()
  let unexpected = 0
  let next = 0
  const one = async (n: number): Promise<void> => {
    const who = ids[Math.floor(Math.random() * ids.length)]!
    const roll = Math.random()
    const started = performance.now()
    let label: string
    let code: string
    if (roll < 0.3) {
      label = 'checkIn'
      const a = await c.call('checkin', { action: 'checkIn' }, who)
      code = a.ok ? 'ok' : a.error.code
    } else if (roll < 0.6) {
      label = 'issue+claim'
      // the admin, whom the counter's codes-per-hour limit does not bind
      const issued = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: `load-order-${n}`, amountFen: 1000 + Math.floor(Math.random() * 50_000) }, 'demo-admin')
      const a = await c.call('store', { action: 'claimPurchase', code: issued.code, usePoints: Math.random() < 0.3 }, who)
      code = a.ok ? 'ok' : a.error.code
    } else if (roll < 0.8) {
      label = 'redeem'
      const a = await c.call('exchange', { action: 'redeem', itemId: 'load-item', requestId: `load-${n}` }, who)
      code = a.ok ? 'ok' : a.error.code
    } else {
      label = 'summary'
      const a = await c.call('member', { action: 'summary' }, who)
      code = a.ok ? 'ok' : a.error.code
    }
    const took = performance.now() - started
    latencies.push(took)
    byLabel.set(label, [...(byLabel.get(label) ?? []), took])
    const key = `${label} ${code}`
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    if (code === 'INTERNAL') unexpected++
  }
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < operations; n = next++) {
        try {
          await one(n)
        } catch (err) {
          unexpected++
          console.error(err)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  console.log(`\nmixed load: ${operations} operations by ${shoppers} shoppers, ${concurrency} at a time`)
  console.log(`  throughput ${(operations / seconds).toFixed(1)} ops/s over ${seconds.toFixed(1)} s (an issue+claim counts as one operation of two calls)`)
  console.log(`  latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`)
  for (const [label, list] of [...byLabel].sort()) {
    console.log(`    ${label.padEnd(12)} p50 ${percentile(list, 50).toFixed(0)} ms, p99 ${percentile(list, 99).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms`)
  }
  console.log(`  unexpected errors: ${unexpected}`)
  for (const [key, count] of [...outcomes].sort()) console.log(`  ${key.padEnd(32)} ${count}`)
  const broken = await c.violations()
  console.log(`  invariants (balance = ledger = lots ≥ 0, stock ≥ 0): ${broken.length === 0 ? 'hold' : broken.join('; ')}`)
}

export async function runActionsBench(options: { shoppers?: number; operations?: number; concurrency?: number } = {}): Promise<void> {
  const c = await startTestCloud()
  try {
    console.log('database requests per action (warm instance):')
    for (const [label, n, result] of await requestsPerAction(c)) console.log(`  ${label.padEnd(42)} ${String(n).padStart(3)}  ${result}`)
    await mixedLoad(c, options.shoppers ?? 200, options.operations ?? 1500, options.concurrency ?? 32)
  } finally {
    await c.close()
  }
}

if (require.main === module) {
  const env = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined)
  runActionsBench({ shoppers: env('BENCH_SHOPPERS'), operations: env('BENCH_OPERATIONS'), concurrency: env('BENCH_CONCURRENCY') }).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
