import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES as rules } from './rules'
import { nextTier, tierReached, tiersCrossed } from './tiers'

describe('tiers', () => {
  it('is reached by spend or by lifetime points, whichever comes first', () => {
    expect(tierReached(rules, 999_99, 999).id).toBe('normal')
    expect(tierReached(rules, 1000_00, 0).id).toBe('silver')
    expect(tierReached(rules, 0, 5000).id).toBe('gold')
    expect(tierReached(rules, 20000_00, 0).id).toBe('diamond')
  })

  it('lists every tier crossed at once, lowest first', () => {
    expect(tiersCrossed(rules, 'normal', 5500_00, 0).map((t) => [t.id, t.bonus])).toEqual([
      ['silver', 100],
      ['gold', 500],
    ])
    expect(tiersCrossed(rules, 'gold', 1000_00, 0)).toEqual([])
  })

  it('says what the next tier still needs, and nothing at the top', () => {
    expect(nextTier(rules, 'silver', 1500_00, 1700)).toEqual({ id: 'gold', name: '金卡', needSpentFen: 3500_00, needPoints: 3300 })
    expect(nextTier(rules, 'diamond', 0, 0)).toBeNull()
  })
})
