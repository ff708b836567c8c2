import { describe, expect, it } from 'vitest'
import type { ClaimData, Summary, Voucher } from '../../shared/api'
import type { Metrics } from '../../shared/metrics'
import { DEFAULT_RULES } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

async function claim(openid: string, orderId: string, amountFen: number, extra: Record<string, unknown> = {}): Promise<ClaimData> {
  // a clerk may not claim a code of their own
  const { code } = await c.data<{ code: string }>(
    'store',
    { action: 'issuePurchase', orderId, amountFen },
    openid === 'demo-staff' ? 'demo-admin' : 'demo-staff',
  )
  return c.data<ClaimData>('store', { action: 'claimPurchase', code, ...extra }, openid)
}

describe('value given away', () => {
  it('reports the fen that tier discounts, vouchers and points as cash took off, leaving out fully refunded orders and staff', async () => {
    await c.setClock('2033-03-10T02:00:00Z')
    const [normal, ...rest] = DEFAULT_RULES.tiers
    await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, tiers: [{ ...normal!, discountPercent: 5 }, ...rest] } }, 'demo-admin')
    // past every instance's rules cache
    await c.setClock('2033-03-10T04:00:00Z')
    await c.put('items', {
      _id: 'ten_off',
      name: '10元券',
      kind: 'coupon',
      points: 10,
      stock: 10,
      validDays: 30,
      active: true,
      value: { type: 'amountOff', offFen: 10_00 },
    })
    for (const openid of ['ga-1', 'demo-staff']) await c.data('member', { action: 'login' }, openid)
    // the tier card says the discount in the shopper's words
    expect((await c.data<Summary>('member', { action: 'summary' }, 'ga-1')).tier).toEqual({
      id: 'normal',
      name: '普通会员',
      rate: 1,
      discountPercent: 5,
      discountText: '普通会员每单享9.5折',
    })
    const { voucher } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'ten_off', requestId: 'ga' }, 'ga-1')

    // 120 − 6 (5%) − 10 = 104; the 90 points left pay 0.90
    expect((await claim('ga-1', 'ga-kept', 120_00, { voucherCode: voucher.code, usePoints: true })).purchase).toMatchObject({
      tierDiscountFen: 6_00,
      voucherOffFen: 10_00,
      deductedPoints: 90,
      payFen: 103_10,
    })
    const back = await claim('ga-1', 'ga-back', 50_00)
    await c.data('store', { action: 'refund', orderId: 'ga-back', refundId: 'all', amountFen: back.payFen }, 'demo-staff')
    await claim('demo-staff', 'ga-staff', 100_00)

    const metrics = await c.data<Metrics>('store', { action: 'metrics', from: '2033-03-10', to: '2033-03-10' }, 'demo-admin')
    expect(metrics.givenAway).toEqual({ tierDiscountFen: 6_00, voucherOffFen: 10_00, pointsCashFen: 90, totalFen: 16_90 })
    const before = await c.data<Metrics>('store', { action: 'metrics', from: '2033-03-09', to: '2033-03-09' }, 'demo-admin')
    expect(before.givenAway.totalFen).toBe(0)
    await c.setClock(null)
  })
})
