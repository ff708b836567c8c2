import { describe, expect, it } from 'vitest'
import { billFor } from './bill'
import { pointsForPayment } from './purchase'
import { DEFAULT_RULES as rules, type TierRule } from './rules'
import { requireMinSpend, valueText, voucherOffFen, voucherValueSchema, type VoucherValue } from './voucher-value'

const normal = rules.tiers[0] as TierRule
const gold = { ...(rules.tiers[2] as TierRule), discountPercent: 5 }
const man100jian10: VoucherValue = { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 }

describe('voucher values', () => {
  it('refuses 满100减10 on 99.99 yuan, saying how much more to buy, and takes 10 yuan off 100.00', () => {
    expect(() => requireMinSpend(man100jian10, 99_99)).toThrow('这张券需消费满 100 元才能使用，还差 0.01 元')
    expect(() => requireMinSpend(man100jian10, 100_00)).not.toThrow()
    expect(billFor({ amountFen: 100_00, tier: normal, voucher: man100jian10, balance: 0, pointsToUse: 0 }, rules)).toMatchObject({
      voucherOffFen: 10_00,
      payFen: 90_00,
    })
    expect(valueText(man100jian10)).toBe('满100减10')
  })

  it('takes 8折 capped at 20 yuan off 150 yuan as 20 yuan, not 30', () => {
    const zhe8: VoucherValue = { type: 'percentOff', percent: 20, maxOffFen: 20_00 }
    expect(voucherOffFen(zhe8, 150_00)).toBe(20_00)
    expect(voucherOffFen(zhe8, 50_00)).toBe(10_00)
    expect(billFor({ amountFen: 150_00, tier: normal, voucher: zhe8, balance: 0, pointsToUse: 0 }, rules).payFen).toBe(130_00)
    expect(valueText(zhe8)).toBe('8折（最多减20元）')
  })

  it('bills a gold member with 5% off, a 10-yuan voucher and maximum points on 120 yuan: 120 − 6 − 10 − 10.40 = 93.60', () => {
    const bill = billFor({ amountFen: 120_00, tier: gold, voucher: { type: 'amountOff', offFen: 10_00 }, balance: 5000, pointsToUse: 'all' }, rules)
    expect(bill).toEqual({
      amountFen: 120_00,
      tierDiscountFen: 6_00,
      voucherOffFen: 10_00,
      maxPoints: 1040,
      pointsToUse: 1040,
      deductedFen: 10_40,
      payFen: 93_60,
    })
    // points are earned on what is paid, at gold's 1.5
    expect(pointsForPayment(bill.payFen, gold, 1, false)).toBe(140)
  })

  it('lets a free-order voucher take the whole order up to its cap, and a points card take nothing off', () => {
    expect(voucherOffFen({ type: 'freeOrder', maxOffFen: 50_00 }, 30_00)).toBe(30_00)
    expect(voucherOffFen({ type: 'freeOrder', maxOffFen: 50_00 }, 80_00)).toBe(50_00)
    expect(voucherOffFen({ type: 'pointsMultiplier', multiplier: 2 }, 80_00)).toBe(0)
  })

  it('refuses values out of bounds in Chinese', () => {
    const problem = (v: unknown) => voucherValueSchema.safeParse(v).error?.issues[0]?.message
    expect(problem({ type: 'percentOff', percent: 100 })).toBe('折扣最多减 99%')
    expect(problem({ type: 'pointsMultiplier', multiplier: 6 })).toBe('积分倍数最多 5 倍')
    expect(problem({ type: 'amountOff', offFen: 1.5 })).toBe('金额应为整数（分）')
    expect(problem({ type: 'freeOrder' })).toBeDefined()
  })
})
