import { describe, expect, it } from 'vitest'
import { billFor } from './bill'
import { pointsForPayment } from './purchase'
import { DEFAULT_RULES as rules, type Rules, type TierRule } from './rules'

const [normal, silver, gold] = rules.tiers as [TierRule, TierRule, TierRule]

describe('billFor', () => {
  it('charges 118.15 for a 120.00 yuan order paying 185 points, earning on what is paid at 1.0× and 1.2×', () => {
    for (const [tier, earned] of [
      [normal, 118],
      [silver, 141],
    ] as const) {
      const bill = billFor({ amountFen: 120_00, tier, voucherOffFen: 0, balance: 500, pointsToUse: 185 }, rules)
      expect(bill).toEqual({
        amountFen: 120_00,
        tierDiscountFen: 0,
        voucherOffFen: 0,
        maxPoints: 500,
        pointsToUse: 185,
        deductedFen: 1_85,
        payFen: 118_15,
      })
      expect(pointsForPayment(bill.payFen, tier, 1, false)).toBe(earned)
    }
  })

  it('applies the tier discount, then the voucher, then points up to 10% of what is left', () => {
    const bill = billFor(
      { amountFen: 200_00, tier: { ...gold, discountPercent: 5 }, voucherOffFen: 20_00, balance: 10_000, pointsToUse: 'all' },
      rules,
    )
    // 200 − 10 (5%) − 20 = 170; 10% of 170 = 17 yuan = 1700 points
    expect(bill).toEqual({
      amountFen: 200_00,
      tierDiscountFen: 10_00,
      voucherOffFen: 20_00,
      maxPoints: 1700,
      pointsToUse: 1700,
      deductedFen: 17_00,
      payFen: 153_00,
    })
  })

  it('uses at most the balance, the cap and the points chosen', () => {
    expect(billFor({ amountFen: 120_00, tier: normal, voucherOffFen: 0, balance: 90, pointsToUse: 'all' }, rules)).toMatchObject({
      maxPoints: 90,
      pointsToUse: 90,
      payFen: 119_10,
    })
    expect(billFor({ amountFen: 120_00, tier: normal, voucherOffFen: 0, balance: 900, pointsToUse: 'all', capPoints: 50 }, rules)).toMatchObject({
      maxPoints: 50,
      pointsToUse: 50,
    })
    expect(billFor({ amountFen: 120_00, tier: normal, voucherOffFen: 0, balance: 5000, pointsToUse: 99_999 }, rules)).toMatchObject({
      pointsToUse: 1200,
      payFen: 108_00,
    })
    expect(billFor({ amountFen: 120_00, tier: normal, voucherOffFen: 0, balance: 0, pointsToUse: 'all' }, rules)).toMatchObject({
      maxPoints: 0,
      pointsToUse: 0,
      payFen: 120_00,
    })
  })

  it('never spends points on a fraction of a fen', () => {
    const dear: Rules = { ...rules, cash: { pointsPerYuan: 1000, maxPercent: 10 } }
    // 10 points = 1 fen: 185 points pay 18 fen with 180 points; 5 stay
    expect(billFor({ amountFen: 120_00, tier: normal, voucherOffFen: 0, balance: 185, pointsToUse: 185 }, dear)).toMatchObject({
      maxPoints: 180,
      pointsToUse: 180,
      deductedFen: 18,
      payFen: 119_82,
    })
  })

  it('lets a voucher take no more than what is left', () => {
    expect(billFor({ amountFen: 30_00, tier: normal, voucherOffFen: 50_00, balance: 100, pointsToUse: 'all' }, rules)).toMatchObject({
      voucherOffFen: 30_00,
      maxPoints: 0,
      payFen: 0,
    })
  })
})
