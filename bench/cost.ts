/**
 * `npm run bench -- cost`: cloud calls (function invocations plus database requests, measured on the
 * emulator's counters) per 1,000 active members a day, and what they cost at CloudBase's call-pack rate.
 * A member's day: one check-in, two page views (the home page: member.login), a purchase every ten days
 * (the clerk issues a code, the shopper previews and claims it, the clerk's card polls until claimed).
 */
import { startTestCloud, type TestCloud } from '../cloudfunctions/testkit'

/** CloudBase call pack as quoted in the issue that asked for this model: ¥400 per 10 million calls. */
const YUAN_PER_CALL = 400 / 10_000_000
const PRICE_SOURCE =
  'CloudBase call-pack rate as published and quoted in the issue (¥400 per 10,000,000 calls); check the CloudBase price list before budgeting'
const MEMBERS = 1000
const CLERK_POLLS = 3

async function requests(c: TestCloud): Promise<number> {
  return ((await c.stats()) as { database: { requests: number } }).database.requests
}

/** Database requests one call makes (the call itself is one more cloud call). */
async function measured(
  c: TestCloud,
  fn: string,
  event: Record<string, unknown>,
  openid: string,
): Promise<{ requests: number; data: Record<string, unknown> }> {
  const before = await requests(c)
  const answer = await c.call<Record<string, unknown>>(fn, event, openid)
  if (!answer.ok) throw new Error(`${fn}.${String(event.action)}: ${answer.error.code}`)
  return { requests: (await requests(c)) - before, data: answer.data }
}

async function main(): Promise<void> {
  const c = await startTestCloud()
  try {
    const who = 'cost-shopper'
    await c.data('member', { action: 'login' }, who)
    await c.data('store', { action: 'lookupVoucher', code: 'AAAAAAAAAAAAAAAA' }, 'demo-staff').catch(() => undefined)
    const pageView = await measured(c, 'member', { action: 'login' }, who)
    const checkIn = await measured(c, 'checkin', { action: 'checkIn' }, who)
    const issued = await measured(c, 'store', { action: 'issuePurchase', orderId: 'cost-order', amountFen: 88_00 }, 'demo-staff')
    const code = String(issued.data.code)
    const preview = await measured(c, 'store', { action: 'previewPurchase', code }, who)
    const claim = await measured(c, 'store', { action: 'claimPurchase', code, usePoints: true }, who)
    const poll = await measured(c, 'store', { action: 'purchase', orderId: 'cost-order' }, 'demo-staff')
    const rows: Array<[string, number, number, number]> = [
      // what, per member per day, function calls each, database requests each
      ['page view (member.login)', 2, 1, pageView.requests],
      ['check-in (checkin.checkIn)', 1, 1, checkIn.requests],
      ['purchase: issue code', 0.1, 1, issued.requests],
      ['purchase: preview', 0.1, 1, preview.requests],
      ['purchase: claim', 0.1, 1, claim.requests],
      [`purchase: clerk polls (${CLERK_POLLS})`, 0.1 * CLERK_POLLS, 1, poll.requests],
    ]
    console.log(`cloud calls per ${MEMBERS.toLocaleString('en-US')} active members a day (function calls + database requests)`)
    console.log(`  ${'what'.padEnd(32)}${'per member/day'.padStart(15)}${'fn calls'.padStart(10)}${'db reqs'.padStart(9)}${'calls/day'.padStart(11)}`)
    let total = 0
    for (const [what, perDay, fnCalls, dbRequests] of rows) {
      const calls = MEMBERS * perDay * (fnCalls + dbRequests)
      total += calls
      console.log(
        `  ${what.padEnd(32)}${String(Number(perDay.toFixed(2))).padStart(15)}${String(fnCalls).padStart(10)}${String(dbRequests).padStart(9)}${calls.toFixed(0).padStart(11)}`,
      )
    }
    console.log(`  ${'total'.padEnd(66)}${total.toFixed(0).padStart(11)}`)
    console.log(
      `  ${(total * 30).toLocaleString('en-US')} calls a month: ¥${(total * YUAN_PER_CALL).toFixed(2)} a day, ¥${(total * 30 * YUAN_PER_CALL).toFixed(2)} a month`,
    )
    console.log(`  price: ${PRICE_SOURCE}; model run on ${new Date().toISOString().slice(0, 10)}`)
  } finally {
    await c.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
