import { describe, expect, it } from 'vitest'
import { tierClass, tierPerks, tierProgress } from './tiers'

const normal = { id: 'normal', name: '普通会员', rate: 1 }
// The next tier's thresholds as the merchant set them: the bar is drawn against these, not against defaults.
const display = { tiers: [{ id: 'silver', minSpentYuan: 1200, minPoints: 1000 }] } as never

describe('tier progress', () => {
  it('scales the bar to the thresholds the merchant set', () => {
    // 300 of 1200 yuan spent: a quarter, where the default 1000 would have drawn 40%
    const p = tierProgress({ tier: normal, display, nextTier: { id: 'silver', name: '银卡', needSpentFen: 90000, needPoints: 1000 } })
    expect(p.percent).toBe(25)
  })

  it('follows whichever path (spend or points) is nearer', () => {
    const p = tierProgress({ tier: normal, display, nextTier: { id: 'silver', name: '银卡', needSpentFen: 90000, needPoints: 250 } })
    expect(p.percent).toBe(75)
    expect(p.text).toBe('再消费 ¥900.00 或再获得 250 积分升级银卡')
  })

  it('starts empty for a new member', () => {
    const p = tierProgress({ tier: normal, display, nextTier: { id: 'silver', name: '银卡', needSpentFen: 120000, needPoints: 1000 } })
    expect(p.percent).toBe(0)
  })

  it('says when the top tier is reached', () => {
    const p = tierProgress({ tier: { id: 'diamond', name: '钻石卡', rate: 2 }, display, nextTier: null })
    expect(p).toEqual({ percent: 100, text: '已是最高等级 钻石卡' })
  })

  it('names the held tier’s rate and discount from the rules', () => {
    const tiers = [
      { id: 'normal', discountPercent: 0 },
      { id: 'gold', discountPercent: 5 },
    ] as never
    expect(tierPerks({ tier: normal, display: { tiers } as never })).toEqual(['积分 ×1'])
    expect(tierPerks({ tier: { id: 'gold', name: '金卡', rate: 1.5 }, display: { tiers } as never })).toEqual(['积分 ×1.5', '消费享 9.5 折'])
  })

  it('styles known tiers', () => {
    expect(tierClass('gold')).toBe('tier-gold')
    expect(tierClass('platinum')).toBe('tier-normal')
  })
})
