import { describe, expect, it } from 'vitest'
import { displayOf, tierDiscountText } from './display'
import { DEFAULT_RULES } from './rules'

describe('the numbers pages show', () => {
  it('come from the rules the owner saved', () => {
    const rules = { ...DEFAULT_RULES, checkIn: { daily: 8, streakDays: 5, streakBonus: 30 }, lottery: { ...DEFAULT_RULES.lottery, cost: 80 } }
    const d = displayOf(rules)
    expect(d.checkIn).toEqual({ daily: 8, streakDays: 5, streakBonus: 30 })
    expect(d.lottery.cost).toBe(80)
    expect(d.tiers.map((t) => [t.name, t.minSpentYuan, t.minPoints])).toEqual([
      ['普通会员', 0, 0],
      ['银卡', 1000, 1000],
      ['金卡', 5000, 5000],
      ['钻石卡', 20000, 20000],
    ])
    expect(d).toMatchObject({
      share: { reward: 5 },
      profile: { birthday: 50, address: 30 },
      cash: { pointsPerYuan: 100, maxPercent: 10 },
      timeZone: 'Asia/Shanghai',
    })
  })
})

describe('tierDiscountText', () => {
  it('says a tier’s discount in 折 for its card, and nothing for a tier without one', () => {
    const gold = DEFAULT_RULES.tiers[2]!
    expect(tierDiscountText({ ...gold, discountPercent: 5 })).toBe('金卡每单享9.5折')
    expect(tierDiscountText({ ...gold, discountPercent: 20 })).toBe('金卡每单享8折')
    expect(tierDiscountText(gold)).toBe('')
  })
})
