import { describe, expect, it } from 'vitest'
import { metricsView, trendPoints, type Metrics } from './metrics'

const METRICS: Metrics = {
  from: '2026-03-01',
  to: '2026-03-02',
  members: 1200,
  newMembers: 35,
  activeMembers: 80,
  pointsIssued: 1000,
  pointsRedeemed: 400,
  pointsExpired: 100,
  burnRate: 0.4,
  checkInParticipation: 0.1234,
  repurchaseRate: 0.5,
  buyers: 10,
  repeatBuyers: 5,
  earnedShare: 0.25,
  earners: 300,
  tierDistribution: { normal: 80, silver: 20, gold: 0, retired: 4 },
  promotions: { silver: 3, gold: 1 },
  givenAway: { tierDiscountFen: 600, voucherOffFen: 1000, pointsCashFen: 90, totalFen: 1690 },
  tierNames: { normal: '普通会员', silver: '银卡', gold: '黄金会员' },
  trend: [
    { day: '2026-03-01', issued: 10, redeemed: 4, expired: 0 },
    { day: '2026-03-02', issued: 0, redeemed: 0, expired: 7 },
  ],
}

describe('admin metrics view', () => {
  it('labels every count and rate the server sends in Chinese, rates as percentages', () => {
    const { counts, rates } = metricsView(METRICS)
    expect(counts.find((s) => s.key === 'members')).toEqual({ key: 'members', label: '会员总数', value: '1,200' })
    expect(rates.map((s) => [s.label, s.value])).toEqual([
      ['获得积分会员占比', '25.0%'],
      ['积分消耗率', '40.0%'],
      ['复购率', '50.0%'],
      ['签到参与率', '12.3%'],
    ])
    expect([...counts, ...rates].every((s) => /^[\u4e00-\u9fa5]+$/.test(s.label))).toBe(true)
  })

  it('shows the value given away in yuan, the total first', () => {
    expect(metricsView(METRICS).givenAway.map((s) => [s.label, s.value])).toEqual([
      ['让利合计（元）', '16.90'],
      ['等级折扣（元）', '6'],
      ['优惠券抵扣（元）', '10'],
      ['积分抵现（元）', '0.90'],
    ])
  })

  it('names tiers as the rules name them, scaled to the largest, and a tier the rules dropped as such', () => {
    const [tiers, promotions] = metricsView(METRICS).charts
    expect(tiers!.label).toBe('等级分布')
    expect(tiers!.bars.map((b) => [b.label, b.percent])).toEqual([
      ['普通会员', 100],
      ['银卡', 25],
      ['黄金会员', 0],
      ['已停用的等级', 5],
    ])
    expect(promotions!.bars.map((b) => [b.label, b.value])).toEqual([
      ['银卡', 3],
      ['黄金会员', 1],
    ])
  })

  it('lays the trend out as one point per day and flow', () => {
    expect(trendPoints(METRICS.trend)).toEqual([
      { day: '03-01', flow: '发放', points: 10 },
      { day: '03-01', flow: '兑换', points: 4 },
      { day: '03-01', flow: '过期', points: 0 },
      { day: '03-02', flow: '发放', points: 0 },
      { day: '03-02', flow: '兑换', points: 0 },
      { day: '03-02', flow: '过期', points: 7 },
    ])
  })
})
