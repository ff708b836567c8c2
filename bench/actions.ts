/**
 * `tsx bench/actions.ts`: database requests per action (from the emulator's counters) and the
 * throughput, latency and time breakdown of a mixed shopper load (bench/load.ts).
 */
import { mixedLoad, printLoad } from './load'
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

/** One action's database requests: how many, the call's result code, and each request as `action collection [in tx]`. */
export interface ActionRequests {
  label: string
  requests: number
  result: string
  trace: string[]
}

/** Records every database request the server handles, as one short line each, until `take` hands them over. */
function traceRequests(c: TestCloud): { take(): string[] } {
  const db = c.cloud.server.db
  const handle = db.handle.bind(db)
  const lines: string[] = []
  db.handle = (action, body) => {
    lines.push(
      `${action.replace('database.', '')} ${typeof body.collectionName === 'string' ? body.collectionName : ''}${body.transactionId ? ' (tx)' : ''}`,
    )
    return handle(action, body)
  }
  return { take: () => lines.splice(0) }
}

/** Requests one call makes, measured on warm instances (rules cached). */
export async function requestsPerAction(c: TestCloud): Promise<ActionRequests[]> {
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
    {
      label: 'store.issuePurchase',
      fn: 'store',
      event: { action: 'issuePurchase', orderId: 'bench-order', amountFen: 800_00 },
      openid: 'demo-staff',
    },
    { label: 'store.previewPurchase', fn: 'store', event: () => ({ action: 'previewPurchase', code: purchase, pointsToUse: 50 }), openid: shopper },
    {
      label: 'store.claimPurchase (first, usePoints)',
      fn: 'store',
      event: () => ({ action: 'claimPurchase', code: purchase, usePoints: true }),
      openid: shopper,
    },
    { label: 'store.purchase', fn: 'store', event: { action: 'purchase', orderId: 'bench-order' }, openid: 'demo-staff' },
    { label: 'member.memberCode', fn: 'member', event: { action: 'memberCode', allowPoints: true }, openid: shopper },
    {
      label: 'store.checkout (with points)',
      fn: 'store',
      event: () => ({ action: 'checkout', orderId: 'bench-checkout', amountFen: 120_00, memberCode, pointsToUse: 100 }),
      openid: 'demo-staff',
    },
    {
      label: 'store.refund (part)',
      fn: 'store',
      event: { action: 'refund', orderId: 'bench-checkout', refundId: 'r1', amountFen: 50_00 },
      openid: 'demo-staff',
    },
    {
      label: 'store.refund (repeat: first answer)',
      fn: 'store',
      event: { action: 'refund', orderId: 'bench-checkout', refundId: 'r1', amountFen: 50_00 },
      openid: 'demo-staff',
    },
    { label: 'exchange.catalog', fn: 'exchange', event: { action: 'catalog' }, openid: shopper },
    { label: 'exchange.redeem', fn: 'exchange', event: { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-1' }, openid: shopper },
    {
      label: 'exchange.redeem (repeat: ALREADY_DONE)',
      fn: 'exchange',
      event: { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-1' },
      openid: shopper,
    },
    { label: 'exchange.vouchers', fn: 'exchange', event: { action: 'vouchers' }, openid: shopper },
    {
      label: 'exchange.redeem (a 满100减10 voucher)',
      fn: 'exchange',
      event: { action: 'redeem', itemId: 'bench-coupon', requestId: 'bench-3' },
      openid: shopper,
    },
    {
      label: 'store.issuePurchase (for a voucher)',
      fn: 'store',
      event: { action: 'issuePurchase', orderId: 'bench-order-2', amountFen: 150_00 },
      openid: 'demo-staff',
    },
    {
      label: 'store.previewPurchase (with a voucher)',
      fn: 'store',
      event: () => ({ action: 'previewPurchase', code: purchase2, voucherCode: valued }),
      openid: shopper,
    },
    {
      label: 'store.claimPurchase (with a voucher)',
      fn: 'store',
      event: () => ({ action: 'claimPurchase', code: purchase2, voucherCode: valued }),
      openid: shopper,
    },
    { label: 'store.lookupVoucher', fn: 'store', event: () => ({ action: 'lookupVoucher', code: voucher }), openid: 'demo-staff' },
    { label: 'store.fulfilVoucher', fn: 'store', event: () => ({ action: 'fulfilVoucher', code: voucher }), openid: 'demo-staff' },
    { label: 'store.rejectVoucher', fn: 'store', event: () => ({ action: 'rejectVoucher', code: voucher2, reason: '缺货' }), openid: 'demo-staff' },
    {
      label: 'store.saveItem',
      fn: 'store',
      event: { action: 'saveItem', item: { id: 'bench-item', name: '测试', kind: 'goods', points: 10, stock: 10 } },
      openid: 'demo-admin',
    },
    { label: 'member.deleteAccount', fn: 'member', event: { action: 'deleteAccount' }, openid: shopper },
  ]
  await c.put('items', {
    _id: 'bench-coupon',
    name: '满100减10券',
    kind: 'coupon',
    points: 10,
    stock: 10,
    validDays: 30,
    active: true,
    value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 },
  })
  // warm every function instance and the rules cache
  await c.data('member', { action: 'summary' }, 'demo-shopper-1')
  await c.data('checkin', { action: 'calendar', month: '2026-01' }, 'demo-shopper-1')
  await c.data('exchange', { action: 'vouchers' }, 'demo-shopper-1')
  await c.data('store', { action: 'lookupVoucher', code: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'demo-staff').catch(() => undefined)
  const rows: ActionRequests[] = []
  const trace = traceRequests(c)
  for (const step of steps) {
    if (step.label === 'store.rejectVoucher') {
      const r = await c.data<{ voucher: { code: string } }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'bench-2' }, shopper)
      voucher2 = r.voucher.code
    }
    const before = await requests(c)
    const event = typeof step.event === 'function' ? step.event() : step.event
    trace.take()
    const answer = await c.call<Record<string, unknown>>(step.fn, event, step.openid)
    rows.push({ label: step.label, requests: (await requests(c)) - before, result: answer.ok ? 'ok' : answer.error.code, trace: trace.take() })
    if (answer.ok && step.label === 'store.issuePurchase') purchase = String(answer.data.code)
    if (answer.ok && step.label === 'member.memberCode') memberCode = String(answer.data.code)
    if (answer.ok && step.label === 'exchange.redeem') voucher = String((answer.data.voucher as { code: string }).code)
    if (answer.ok && step.label.startsWith('exchange.redeem (a 满100减10')) valued = String((answer.data.voucher as { code: string }).code)
    if (answer.ok && step.label === 'store.issuePurchase (for a voucher)') purchase2 = String(answer.data.code)
  }
  return rows
}

/** One line per action; with `trace`, each of its requests beneath it. */
export function printRequests(rows: ActionRequests[], trace: boolean): void {
  for (const row of rows) {
    console.log(`  ${row.label.padEnd(42)} ${String(row.requests).padStart(3)}  ${row.result}`)
    if (trace) for (const line of row.trace) console.log(`      ${line}`)
  }
}

export async function runActionsBench(options: { shoppers?: number; operations?: number; concurrency?: number } = {}): Promise<void> {
  const c = await startTestCloud()
  try {
    console.log('database requests per action (warm instance):')
    printRequests(await requestsPerAction(c), process.env.BENCH_TRACE === '1')
    const load = { shoppers: options.shoppers ?? 200, operations: options.operations ?? 1500, concurrency: options.concurrency ?? 32 }
    printLoad(await mixedLoad(c, load), load)
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
