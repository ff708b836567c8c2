import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES as rules } from './rules'
import { nextTier, tierHeld, tierReached, tiersCrossed, tiersUndone } from './tiers'

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

  describe('a tier the rules no longer name', () => {
    const withoutSilver = { ...rules, tiers: rules.tiers.filter((t) => t.id !== 'silver') }
    const formerSilver = { tier: 'silver', totalSpentFen: 1200_00, lifetimePoints: 1500 }

    it('is held as the highest tier spend or points reach, not the lowest', () => {
      expect(tierHeld(withoutSilver, formerSilver).id).toBe('normal')
      expect(tierHeld(withoutSilver, { ...formerSilver, tier: 'vip', lifetimePoints: 6000 }).id).toBe('gold')
      expect(tierHeld(rules, { ...formerSilver, tier: 'gold' }).id).toBe('gold')
    })

    it('pays no bonus for a tier already reached', () => {
      expect(tiersCrossed(rules, 'silver-renamed', 1200_00, 1500)).toEqual([])
      expect(tiersCrossed(withoutSilver, 'vip', 6000_00, 0)).toEqual([])
    })

    it('shows the next tier above the one reached', () => {
      expect(nextTier(rules, 'silver-renamed', 1200_00, 1500)).toMatchObject({ id: 'gold', needSpentFen: 3800_00 })
    })
  })

  describe('undone by a refund', () => {
    const ids = (u: { tier: { id: string }; lost: { id: string }[] }) => [u.tier.id, u.lost.map((t) => t.id)]

    it('loses the tiers only the refunded purchase reached, down to what spend and points still reach', () => {
      expect(ids(tiersUndone(rules, { tier: 'gold', totalSpentFen: 900_00, lifetimePoints: 900 }, 'normal', ['silver', 'gold']))).toEqual([
        'normal',
        ['silver', 'gold'],
      ])
      expect(ids(tiersUndone(rules, { tier: 'gold', totalSpentFen: 1200_00, lifetimePoints: 900 }, 'normal', ['silver', 'gold']))).toEqual([
        'silver',
        ['gold'],
      ])
    })

    it('never goes below the tier held before the purchase', () => {
      expect(ids(tiersUndone(rules, { tier: 'gold', totalSpentFen: 0, lifetimePoints: 0 }, 'silver', ['gold']))).toEqual(['silver', ['gold']])
    })

    it('keeps a tier reached since by other means, and a purchase that reached none', () => {
      expect(ids(tiersUndone(rules, { tier: 'diamond', totalSpentFen: 900_00, lifetimePoints: 0 }, 'normal', ['silver']))).toEqual(['diamond', []])
      expect(ids(tiersUndone(rules, { tier: 'silver', totalSpentFen: 0, lifetimePoints: 0 }, 'normal', []))).toEqual(['silver', []])
    })

    describe('when the rules no longer name a tier', () => {
      const withoutSilver = { ...rules, tiers: rules.tiers.filter((t) => t.id !== 'silver') }

      it('never loses it (its bonus is neither taken back nor paid again)', () => {
        expect(ids(tiersUndone(withoutSilver, { tier: 'silver', totalSpentFen: 0, lifetimePoints: 0 }, 'normal', ['silver']))).toEqual(['normal', []])
        // the held tier by tierHeld's rule is the one spend reaches, which the purchase did not reach by name
        expect(ids(tiersUndone(withoutSilver, { tier: 'silver', totalSpentFen: 6000_00, lifetimePoints: 0 }, 'normal', ['silver']))).toEqual([
          'gold',
          [],
        ])
      })

      it('counts a tier held before the purchase for what spend and points reach, never as the lowest', () => {
        expect(ids(tiersUndone(withoutSilver, { tier: 'diamond', totalSpentFen: 6000_00, lifetimePoints: 0 }, 'silver', ['diamond']))).toEqual([
          'gold',
          ['diamond'],
        ])
        expect(ids(tiersUndone(withoutSilver, { tier: 'diamond', totalSpentFen: 0, lifetimePoints: 0 }, 'silver', ['diamond']))).toEqual([
          'normal',
          ['diamond'],
        ])
      })
    })
  })
})
