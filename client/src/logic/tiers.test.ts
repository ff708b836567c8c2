import { describe, expect, it } from 'vitest'
import { tierClass, tierName, tierPerks, tierProgress } from './tiers'

const normal = { id: 'normal', name: '普通会员', rate: 1 }

describe('tier progress', () => {
  it('follows whichever path (spend or points) is nearer', () => {
    const p = tierProgress({ tier: normal, nextTier: { id: 'silver', name: '银卡', needSpentFen: 90000, needPoints: 250 } })
    expect(p.percent).toBe(75)
    expect(p.text).toBe('再消费 ¥900.00 或再获得 250 积分升级银卡')
  })

  it('starts empty for a new member', () => {
    const p = tierProgress({ tier: normal, nextTier: { id: 'silver', name: '银卡', needSpentFen: 100000, needPoints: 1000 } })
    expect(p.percent).toBe(0)
  })

  it('says when the top tier is reached', () => {
    const p = tierProgress({ tier: { id: 'diamond', name: '钻石卡', rate: 2 }, nextTier: null })
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

  it('styles known tiers and names tier ids', () => {
    expect(tierClass('gold')).toBe('tier-gold')
    expect(tierClass('platinum')).toBe('tier-normal')
    expect(tierName('silver')).toBe('银卡')
    expect(tierName({ name: '金卡' })).toBe('金卡')
  })
})
