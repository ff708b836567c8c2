import { describe, expect, it } from 'vitest'
import { givenAwayOf, metricsOf, periodOf, pointFlows, trendOf, type MetricsInput } from './metrics'
import { DEFAULT_RULES } from './rules'

/** A period in which nothing happened. */
const NOTHING: MetricsInput = {
  members: 0,
  newMembers: 0,
  activeMembers: 0,
  checkInMembers: 0,
  buyers: 0,
  repeatBuyers: 0,
  flows: [],
  tiers: [],
  promotions: [],
  dayFlows: [],
  earners: 0,
}

describe('periodOf', () => {
  it('spans whole merchant days', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    expect(p.start.toISOString()).toBe('2032-02-29T16:00:00.000Z')
    expect(p.end.toISOString()).toBe('2032-03-31T16:00:00.000Z')
  })

  it('refuses a reversed period', () => {
    expect(() => periodOf('2032-03-02', '2032-03-01', DEFAULT_RULES)).toThrow(/开始日期/)
  })

  it('takes any period up to a leap year, and refuses a longer one', () => {
    expect(periodOf('2032-01-01', '2032-12-31', DEFAULT_RULES).to).toBe('2032-12-31')
    expect(() => periodOf('2032-01-01', '2033-01-01', DEFAULT_RULES)).toThrow(/最长 366 天/)
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

describe('trendOf', () => {
  it('gives every day of the period its issued, redeemed and expired points', () => {
    const p = periodOf('2032-03-01', '2032-03-03', DEFAULT_RULES)
    const trend = trendOf(p, [
      { _id: { day: '2032-03-01', kind: 'checkin' }, credits: 10, debits: 0 },
      { _id: { day: '2032-03-03', kind: 'redeem' }, credits: 0, debits: -200 },
      { _id: { day: '2032-03-03', kind: 'expire' }, credits: 0, debits: -7 },
    ])
    expect(trend).toEqual([
      { day: '2032-03-01', issued: 10, redeemed: 0, expired: 0 },
      { day: '2032-03-02', issued: 0, redeemed: 0, expired: 0 },
      { day: '2032-03-03', issued: 0, redeemed: 200, expired: 7 },
    ])
  })
})

describe('metricsOf', () => {
  it('computes rates to four decimals and zero when nothing happened', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    const m = metricsOf(
      p,
      {
        members: 3,
        newMembers: 1,
        activeMembers: 2,
        checkInMembers: 1,
        buyers: 3,
        repeatBuyers: 2,
        flows: [{ _id: 'checkin', credits: 3, debits: 0 }],
        tiers: [{ _id: 'gold', n: 3 }],
        promotions: [],
        dayFlows: [],
        earners: 0,
      },
      DEFAULT_RULES,
    )
    expect(m).toMatchObject({
      checkInParticipation: 0.3333,
      repurchaseRate: 0.6667,
      burnRate: 0,
      tierDistribution: { normal: 0, silver: 0, gold: 3, diamond: 0 },
    })
    const none = metricsOf(p, NOTHING, DEFAULT_RULES)
    expect([none.burnRate, none.checkInParticipation, none.repurchaseRate]).toEqual([0, 0, 0])
  })

  it("names each tier as the owner's rules do, renamed tiers included", () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    const rules = { ...DEFAULT_RULES, tiers: DEFAULT_RULES.tiers.map((t) => (t.id === 'gold' ? { ...t, name: '黄金会员' } : t)) }
    const m = metricsOf(p, NOTHING, rules)
    expect(m.tierNames).toEqual({ normal: '普通会员', silver: '银卡', gold: '黄金会员', diamond: '钻石卡' })
  })

  it('counts members of a tier id named like an object member (toString) as a number', () => {
    const p = periodOf('2032-03-01', '2032-03-31', DEFAULT_RULES)
    const m = metricsOf(p, { ...NOTHING, members: 2, tiers: [{ _id: 'toString', n: 2 }], promotions: [{ _id: 'constructor', n: 1 }] }, DEFAULT_RULES)
    expect(m.tierDistribution).toEqual({ normal: 0, silver: 0, gold: 0, diamond: 0, toString: 2 })
    expect(m.promotions).toEqual({ silver: 0, gold: 0, diamond: 0, constructor: 1 })
  })
})

describe('givenAwayOf', () => {
  it('adds tier discounts, vouchers and points as cash into the value given away, zero when nothing was claimed', () => {
    expect(givenAwayOf({ tierDiscountFen: 6_00, voucherOffFen: 10_00, pointsCashFen: 90 })).toEqual({
      tierDiscountFen: 6_00,
      voucherOffFen: 10_00,
      pointsCashFen: 90,
      totalFen: 16_90,
    })
    expect(givenAwayOf().totalFen).toBe(0)
  })
})
