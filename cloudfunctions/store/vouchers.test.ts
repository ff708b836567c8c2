import { describe, expect, it } from 'vitest'
import type { ClaimData, Purchase, PurchasePreview, Voucher } from '../../shared/api'
import type { Member, VoucherDoc } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

type Code = { code: string }
const login = (openid: string) => c.data('member', { action: 'login' }, openid)
const issue = (orderId: string, amountFen: number) => c.data<Code>('store', { action: 'issuePurchase', orderId, amountFen }, 'demo-staff')
const claim = (openid: string, args: Record<string, unknown>) => c.call<ClaimData>('store', { action: 'claimPurchase', ...args }, openid)
const member = async (openid: string) => (await c.docs<Member>('members', { _id: openid }))[0]!
const voucherDoc = async (code: string) => (await c.docs<VoucherDoc>('vouchers', { _id: code }))[0]!

/** A shopper with the sign-up 100 points and a 满100减10 voucher redeemed for them. */
async function withVoucher(openid: string, requestId = 'r1'): Promise<string> {
  await login(openid)
  await c.put('items', {
    _id: 'man100',
    name: '满100减10券',
    kind: 'coupon',
    points: 10,
    stock: 100,
    validDays: 30,
    active: true,
    value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 },
  })
  const { voucher } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'man100', requestId }, openid)
  expect(voucher.value).toEqual({ type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 })
  return voucher.code
}

describe('vouchers with a value at the till', () => {
  it('lists the voucher in the preview, refuses it on 99.99 yuan, takes 10 off 100.00 and is fulfilled with the order', async () => {
    const code = await withVoucher('v-a')
    const small = await issue('v-small', 99_99)
    const preview = await c.data<PurchasePreview>('store', { action: 'previewPurchase', code: small.code }, 'v-a')
    expect(preview.vouchers).toEqual([])
    expect(await claim('v-a', { code: small.code, voucherCode: code })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '这张券需消费满 100 元才能使用，还差 0.01 元' },
    })

    const order = await issue('v-100', 100_00)
    const listed = await c.data<PurchasePreview>('store', { action: 'previewPurchase', code: order.code }, 'v-a')
    expect(listed.vouchers).toMatchObject([{ code, text: '满100减10', offFen: 10_00 }])
    expect(await c.data<PurchasePreview>('store', { action: 'previewPurchase', code: order.code, voucherCode: code }, 'v-a')).toMatchObject({
      voucherOffFen: 10_00,
      payFen: 90_00,
      awardPreview: 90 + 50,
    })
    const done = await c.data<ClaimData>('store', { action: 'claimPurchase', code: order.code, voucherCode: code }, 'v-a')
    expect(done).toMatchObject({ payFen: 90_00, awarded: 140, purchase: { voucherOffFen: 10_00, payFen: 90_00 } })
    expect(await voucherDoc(code)).toMatchObject({ status: 'fulfilled', orderId: 'v-100' })
    // used once: a second order refuses it
    const again = await issue('v-again', 120_00)
    expect(await claim('v-a', { code: again.code, voucherCode: code })).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('refuses another member’s voucher and an expired one, changing nothing', async () => {
    const code = await withVoucher('v-owner')
    await login('v-thief')
    const order = await issue('v-theft', 150_00)
    expect(await claim('v-thief', { code: order.code, voucherCode: code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await member('v-thief')).balance).toBe(100)
    expect(await voucherDoc(code)).toMatchObject({ status: 'pending' })

    await c.put('vouchers', { ...(await voucherDoc(code)), expiresAt: new Date(Date.now() - 1000) })
    const own = await issue('v-late', 150_00)
    expect(await claim('v-owner', { code: own.code, voucherCode: code })).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
    expect((await c.docs('purchases', { orderId: 'v-late' }))[0]).toMatchObject({ claimedBy: null })
  })

  it('takes one voucher per order: a list is refused, and a checkout repeated with another voucher leaves it unused', async () => {
    const first = await withVoucher('v-two', 'r1')
    const second = (await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'man100', requestId: 'r2' }, 'v-two')).voucher.code
    const order = await issue('v-pair', 200_00)
    expect(await claim('v-two', { code: order.code, voucherCode: [first, second] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const { code: mc } = await c.data<Code>('member', { action: 'memberCode' }, 'v-two')
    const paid = await c.data<{ purchase: Purchase }>(
      'store',
      { action: 'checkout', orderId: 'v-co', amountFen: 200_00, memberCode: mc, voucherCode: first },
      'demo-staff',
    )
    expect(paid.purchase).toMatchObject({ voucherOffFen: 10_00, payFen: 190_00 })
    expect(
      await c.call('store', { action: 'checkout', orderId: 'v-co', amountFen: 200_00, memberCode: mc, voucherCode: second }, 'demo-staff'),
    ).toMatchObject({ ok: true })
    expect(await voucherDoc(second)).toMatchObject({ status: 'pending' })
  })

  it('gives the voucher back, unexpired, when its order is refunded in full, and not on a partial refund', async () => {
    const code = await withVoucher('v-back')
    const order = await issue('v-refund', 100_00)
    await c.data('store', { action: 'claimPurchase', code: order.code, voucherCode: code }, 'v-back')
    await c.data('store', { action: 'refund', orderId: 'v-refund', refundId: 'part', amountFen: 40_00 }, 'demo-staff')
    expect(await voucherDoc(code)).toMatchObject({ status: 'fulfilled' })
    // a month later, past its first expiry: it still comes back with the validity it had left
    await c.setClock(new Date(Date.now() + 40 * 86_400_000).toISOString())
    await c.data('store', { action: 'refund', orderId: 'v-refund', refundId: 'rest', amountFen: 50_00 }, 'demo-staff')
    const back = await voucherDoc(code)
    expect(back.status).toBe('pending')
    expect(back.expiresAt.getTime()).toBeGreaterThan(Date.now() + 39 * 86_400_000)
    const next = await issue('v-reuse', 100_00)
    expect(await c.data<ClaimData>('store', { action: 'claimPurchase', code: next.code, voucherCode: code }, 'v-back')).toMatchObject({
      payFen: 90_00,
    })
    await c.setClock(null)
  })

  it('shows the clerk the member’s usable vouchers before charging', async () => {
    const code = await withVoucher('v-clerk')
    const { code: mc } = await c.data<Code>('member', { action: 'memberCode' }, 'v-clerk')
    const look = await c.data<PurchasePreview & { member: { nickname: string } }>(
      'store',
      { action: 'checkoutPreview', amountFen: 120_00, memberCode: mc, voucherCode: code },
      'demo-staff',
    )
    expect(look).toMatchObject({ voucherOffFen: 10_00, payFen: 110_00, vouchers: [{ code, offFen: 10_00 }], member: { nickname: '微信用户' } })
    expect(await voucherDoc(code)).toMatchObject({ status: 'pending' })
  })
})
