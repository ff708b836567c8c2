import { describe, expect, it } from 'vitest'
import { pointsForPayment } from './purchase'
import { DEFAULT_RULES as rules, type TierRule } from './rules'

const [normal, silver, gold] = rules.tiers as [TierRule, TierRule, TierRule]

describe('purchase points', () => {
  it('earns one point per yuan at the normal rate', () => {
    expect(pointsForPayment(200_00, normal, 1, false)).toBe(200)
    expect(pointsForPayment(99, normal, 1, false)).toBe(0)
  })

  it('rounds odd fen amounts down at 1.2× without float drift', () => {
    // 123.45 yuan × 1.2 = 148.14 → 148; 0.1 + 0.2 style drift would give 148.13999
    expect(pointsForPayment(123_45, silver, 1, false)).toBe(148)
    // 83.34 × 1.2 = 100.008 → 100 ; 83.33 × 1.2 = 99.996 → 99
    expect(pointsForPayment(83_34, silver, 1, false)).toBe(100)
    expect(pointsForPayment(83_33, silver, 1, false)).toBe(99)
    expect(pointsForPayment(5_00, silver, 3, false)).toBe(18)
  })

  it('stays exact for a merchant rate that floats cannot hold', () => {
    // 100 yuan × 1.15 is 114.99999999999999 in floating point; the integer maths gives 115
    expect(Math.floor((100_00 / 100) * 1.15)).toBe(114)
    expect(pointsForPayment(100_00, { ...silver, rate: 1.15 }, 1, false)).toBe(115)
  })

  it('doubles gold in the birthday month but not normal', () => {
    expect(pointsForPayment(100_00, gold, 1, true)).toBe(300)
    expect(pointsForPayment(100_00, normal, 1, true)).toBe(100)
  })
})
