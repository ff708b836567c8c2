import { describe, expect, it } from 'vitest'
import { metricsView } from './metrics'

describe('admin metrics view', () => {
  it('turns figures into labelled cards, rates as percentages', () => {
    const { stats } = metricsView({ members: 1200, newMembers: 35, burnRate: 0.4235, repurchaseRate: 0.5 })
    expect(stats).toEqual([
      { key: 'members', label: '会员总数', value: '1,200' },
      { key: 'newMembers', label: '新增会员', value: '35' },
      { key: 'burnRate', label: '积分消耗率', value: '42.4%' },
      { key: 'repurchaseRate', label: '复购率', value: '50.0%' },
    ])
  })

  it('draws maps of numbers as bars scaled to the largest', () => {
    const { charts } = metricsView({ tierDistribution: { normal: 80, silver: 20, gold: 0 } })
    expect(charts[0]!.label).toBe('等级分布')
    expect(charts[0]!.bars.map((b) => [b.label, b.percent])).toEqual([['普通会员', 100], ['银卡', 25], ['金卡', 0]])
  })

  it('adds a points flow chart when issued and redeemed are known', () => {
    const { charts } = metricsView({ pointsIssued: 1000, pointsRedeemed: 400, pointsExpired: 100 })
    expect(charts[0]!.label).toBe('积分流向')
    expect(charts[0]!.bars.map((b) => b.percent)).toEqual([100, 40, 10])
  })
})
