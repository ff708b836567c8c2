import { describe, expect, it } from 'vitest'
import { metricsOf, periodOf, pointFlows } from './metrics'
import { DEFAULT_RULES } from './rules'

describe('periodOf', () => {
  it('spans whole merchant days', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    expect(p.start.toISOString()).toBe('2032-02-29T16:00:00.000Z')
    expect(p.end.toISOString()).toBe('2032-03-31T16:00:00.000Z')
  })

  it('refuses a reversed period', () => {
    expect(() => periodOf('2032-03-02', '2032-03-01', DEFAULT_RULES)).toThrow(/开始日期/)
  })
})

describe('pointFlows', () => {
  it('counts refunds as neither issued nor redeemed, and expiry apart', () => {
    const flows = pointFlows([
      { _id: 'purchase', credits: 1000, debits: 0 },
      { _id: 'redeem', credits: 0, debits: -700 },
      { _id: 'refund', credits: 200, debits: 0 },
      { _id: 'cash', credits: 0, debits: -50 },
      { _id: 'expire', credits: 0, debits: -30 },
    ])
    expect(flows).toEqual({ issued: 1000, redeemed: 550, expired: 30 })
  })
})

describe('metricsOf', () => {
  it('computes rates to four decimals and zero when nothing happened', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    const m = metricsOf(p, { members: 3, newMembers: 1, activeMembers: 2, checkInMembers: 1, buyers: 3, repeatBuyers: 2, flows: [{ _id: 'checkin', credits: 3, debits: 0 }], tiers: [{ _id: 'gold', n: 3 }], promotions: [] }, DEFAULT_RULES)
    expect(m).toMatchObject({ checkInParticipation: 0.3333, repurchaseRate: 0.6667, burnRate: 0, tierDistribution: { normal: 0, silver: 0, gold: 3, diamond: 0 } })
    const none = metricsOf(p, { members: 0, newMembers: 0, activeMembers: 0, checkInMembers: 0, buyers: 0, repeatBuyers: 0, flows: [], tiers: [], promotions: [] }, DEFAULT_RULES)
    expect([none.burnRate, none.checkInParticipation, none.repurchaseRate]).toEqual([0, 0, 0])
  })

  it('counts members of a tier id named like an object member (toString) as a number', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    const m = metricsOf(p, { members: 2, newMembers: 0, activeMembers: 0, checkInMembers: 0, buyers: 0, repeatBuyers: 0, flows: [], tiers: [{ _id: 'toString', n: 2 }], promotions: [{ _id: 'constructor', n: 1 }] }, DEFAULT_RULES)
    expect(m.tierDistribution).toEqual({ normal: 0, silver: 0, gold: 0, diamond: 0, toString: 2 })
    expect(m.promotions).toEqual({ silver: 0, gold: 0, diamond: 0, constructor: 1 })
  })
})
