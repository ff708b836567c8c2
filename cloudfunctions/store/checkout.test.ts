import { describe, expect, it } from 'vitest'
import type { Purchase, PurchasePreview } from '../../shared/api'
import type { LedgerEntry, Member } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

type Code = { code: string; expiresAt: string }
const login = (openid: string) => c.data('member', { action: 'login' }, openid)
const memberCode = (openid: string, consent: { allowPoints?: boolean; maxPoints?: number } = {}) =>
  c.data<Code>('member', { action: 'memberCode', ...consent }, openid)
const checkout = (args: Record<string, unknown>, staff = 'demo-staff') =>
  c.call<{ purchase: Purchase }>('store', { action: 'checkout', ...args }, staff)
const member = async (openid: string) => (await c.docs<Member>('members', { _id: openid }))[0]!

/** A member with 100 (sign-up) + 500 + 50 (first purchase) = 650 points. */
async function shopperWithPoints(openid: string): Promise<void> {
  await login(openid)
  const { code } = await c.data<Code>('store', { action: 'issuePurchase', orderId: `seed-${openid}`, amountFen: 500_00 }, 'demo-staff')
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

describe('member.memberCode', () => {
  it('gives 20 digits valid 60 s, and a new code voids the old one', async () => {
    await login('k-codes')
    const first = await memberCode('k-codes')
    expect(first.code).toMatch(/^\d{20}$/)
    expect(Date.parse(first.expiresAt) - Date.now()).toBeGreaterThan(55_000)
    expect(Date.parse(first.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000)
    const second = await memberCode('k-codes')
    expect(second.code).not.toBe(first.code)
    expect(await checkout({ orderId: 'k-old', amountFen: 10_00, memberCode: first.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.docs('orders', { _id: 'k-old' })).toEqual([])
  })
})

describe('store.checkout', () => {
  it('charges 118.15 for 120 yuan with 185 points the shopper allowed, and the clerk sees it at once', async () => {
    await shopperWithPoints('k-pay')
    const { code } = await memberCode('k-pay', { allowPoints: true })
    // the typed form, grouped as read aloud
    const typed = code.replace(/(\d{4})(?=\d)/g, '$1 ')
    const { purchase } = await c.data<{ purchase: Purchase }>(
      'store',
      { action: 'checkout', orderId: 'k-1', amountFen: 120_00, memberCode: typed, pointsToUse: 185 },
      'demo-staff',
    )
    expect(purchase).toMatchObject({
      orderId: 'k-1',
      status: 'claimed',
      amountFen: 120_00,
      deductedPoints: 185,
      payFen: 118_15,
      awarded: 118,
      refundedFen: 0,
      member: { nickname: '微信用户', tier: '普通会员' },
    })
    expect((await member('k-pay')).balance).toBe(650 - 185 + 118)
    expect(await c.data('store', { action: 'purchase', orderId: 'k-1' }, 'demo-staff')).toEqual({ purchase })
    // the same order and code again answers the same purchase, changing nothing
    expect(await checkout({ orderId: 'k-1', amountFen: 120_00, memberCode: code, pointsToUse: 185 })).toEqual({ ok: true, data: { purchase } })
    expect((await member('k-pay')).balance).toBe(650 - 185 + 118)
  })

  it('leaves an order above the largest a clerk may take to an admin, the code still good', async () => {
    await shopperWithPoints('k-big')
    const { code } = await memberCode('k-big')
    expect(await checkout({ orderId: 'k-big-1', amountFen: 5000_01, memberCode: code })).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '单笔超过 5000 元的订单需要店长结账' },
    })
    expect(await c.docs('purchases', { orderId: 'k-big-1' })).toEqual([])
    const { purchase } = await c.data<{ purchase: Purchase }>(
      'store',
      { action: 'checkout', orderId: 'k-big-1', amountFen: 5000_01, memberCode: code },
      'demo-admin',
    )
    expect(purchase).toMatchObject({ status: 'claimed', amountFen: 5000_01 })
  })

  it('refuses a used code, an expired one, and another member’s code on an order already paid', async () => {
    await shopperWithPoints('k-a')
    await shopperWithPoints('k-b')
    const used = await memberCode('k-a')
    await c.data('store', { action: 'checkout', orderId: 'k-used', amountFen: 10_00, memberCode: used.code }, 'demo-staff')
    expect(await checkout({ orderId: 'k-used-2', amountFen: 10_00, memberCode: used.code })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })

    const late = await memberCode('k-a')
    await c.setClock(new Date(Date.now() + 61_000).toISOString())
    expect(await checkout({ orderId: 'k-late', amountFen: 10_00, memberCode: late.code })).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
    await c.setClock(null)

    const other = await memberCode('k-b')
    const before = await member('k-b')
    expect(await checkout({ orderId: 'k-used', amountFen: 10_00, memberCode: other.code })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    expect(await member('k-b')).toEqual(before)
    expect(await c.docs('orders', { _id: 'k-late' })).toEqual([])
    // k-b's code was not used up by the refusal
    expect(await checkout({ orderId: 'k-b-1', amountFen: 10_00, memberCode: other.code })).toMatchObject({
      ok: true,
      data: { purchase: { status: 'claimed' } },
    })
  })

  it('spends points only with the shopper’s consent and never above its cap', async () => {
    await shopperWithPoints('k-consent')
    const none = await memberCode('k-consent')
    expect(await checkout({ orderId: 'k-c1', amountFen: 100_00, memberCode: none.code, pointsToUse: 100 })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const capped = await memberCode('k-consent', { allowPoints: true, maxPoints: 300 })
    expect(await checkout({ orderId: 'k-c2', amountFen: 100_00, memberCode: capped.code, pointsToUse: 301 })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect((await member('k-consent')).balance).toBe(650)
    expect(await c.docs('orders', { _id: 'k-c2' })).toEqual([])
    // no number from the clerk: as many as the shopper allowed
    const r = await c.data<{ purchase: Purchase }>(
      'store',
      { action: 'checkout', orderId: 'k-c3', amountFen: 100_00, memberCode: capped.code },
      'demo-staff',
    )
    expect(r.purchase).toMatchObject({ deductedPoints: 300, payFen: 97_00 })
    const cash = await c.docs<LedgerEntry>('ledger', { _id: `purchase:${capped.code}:cash` })
    expect(cash).toEqual([expect.objectContaining({ delta: -300, kind: 'cash' })])
  })

  it('does not let a clerk check out their own 会员码, nor a shopper check out at all', async () => {
    await login('demo-staff')
    const own = await memberCode('demo-staff')
    expect(await checkout({ orderId: 'k-own', amountFen: 10_00, memberCode: own.code })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    await login('k-self')
    const mine = await memberCode('k-self')
    expect(await checkout({ orderId: 'k-self', amountFen: 10_00, memberCode: mine.code }, 'k-self')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(
      await checkout({ orderId: 'k-lines', amountFen: 10_00, memberCode: mine.code, lines: [{ tag: 'latte', amountFen: 10_01 }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})

describe('the purchase code, both sides', () => {
  it('previews without changing anything, claims the points chosen, and the clerk sees open, claimed and expired', async () => {
    await shopperWithPoints('k-prev')
    const { code } = await c.data<Code>('store', { action: 'issuePurchase', orderId: 'k-p1', amountFen: 120_00 }, 'demo-staff')
    expect((await c.data<{ purchase: Purchase }>('store', { action: 'purchase', orderId: 'k-p1' }, 'demo-staff')).purchase).toMatchObject({
      status: 'open',
      member: null,
      claimedAt: null,
    })
    const before = await member('k-prev')
    const preview = await c.data<PurchasePreview>('store', { action: 'previewPurchase', code, pointsToUse: 185 }, 'k-prev')
    expect(preview).toEqual({
      amountFen: 120_00,
      tierDiscountFen: 0,
      voucherOffFen: 0,
      maxPoints: 650,
      pointsToUse: 185,
      deductedFen: 1_85,
      payFen: 118_15,
      awardPreview: 118,
      vouchers: [],
      campaigns: [],
    })
    expect(await member('k-prev')).toEqual(before)
    const claim = await c.data<{ deductedPoints: number; payFen: number; purchase: Purchase }>(
      'store',
      { action: 'claimPurchase', code, pointsToUse: 185 },
      'k-prev',
    )
    expect(claim).toMatchObject({ deductedPoints: 185, payFen: 118_15, purchase: { status: 'claimed', payFen: 118_15 } })
    expect((await c.data<{ purchase: Purchase }>('store', { action: 'purchase', orderId: 'k-p1' }, 'demo-staff')).purchase).toMatchObject({
      status: 'claimed',
      payFen: 118_15,
      deductedPoints: 185,
    })
    expect(await c.call('store', { action: 'previewPurchase', code, pointsToUse: 0 }, 'k-prev')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })

    await c.data('store', { action: 'issuePurchase', orderId: 'k-p2', amountFen: 20_00 }, 'demo-staff')
    await c.setClock(new Date(Date.now() + 11 * 60_000).toISOString())
    expect((await c.data<{ purchase: Purchase }>('store', { action: 'purchase', orderId: 'k-p2' }, 'demo-staff')).purchase.status).toBe('expired')
    await c.setClock(null)
    expect(await c.call('store', { action: 'purchase', orderId: 'k-none' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call('store', { action: 'purchase', orderId: 'k-p1' }, 'k-prev')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})
