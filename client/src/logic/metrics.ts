// The owner's figures from store.metrics: a Chinese label for each key the server sends, rates as percentages,
// tier maps as bars named as the rules name the tiers, and the daily trend as one series per flow.
import { yuan } from '../../../shared/money'
import type { DataFor } from '../services/api'

export type Metrics = DataFor<'store', 'metrics'>
type NumberKey = { [K in keyof Metrics]: Metrics[K] extends number ? K : never }[keyof Metrics]
type RateKey = 'burnRate' | 'repurchaseRate' | 'earnedShare' | 'checkInParticipation'
type CountKey = Exclude<NumberKey, RateKey>
type TierMapKey = 'tierDistribution' | 'promotions'

// Typed by the server's own fields: a figure it adds does not compile until it has a label here.
const COUNTS: Record<CountKey, string> = {
  members: '会员总数',
  newMembers: '新增会员',
  activeMembers: '活跃会员',
  pointsIssued: '发放积分',
  pointsRedeemed: '兑换积分',
  pointsExpired: '过期积分',
  buyers: '消费会员',
  repeatBuyers: '复购会员',
  earners: '获得积分的会员',
}
const RATES: Record<RateKey, string> = {
  earnedShare: '获得积分会员占比',
  burnRate: '积分消耗率',
  repurchaseRate: '复购率',
  checkInParticipation: '签到参与率',
}
const TIER_MAPS: Record<TierMapKey, string> = { tierDistribution: '等级分布', promotions: '各等级晋升人数' }
// What the shop gave up in money over the period, each in 元.
const GIVEN_AWAY: Record<keyof Metrics['givenAway'], string> = {
  totalFen: '让利合计（元）',
  tierDiscountFen: '等级折扣（元）',
  voucherOffFen: '优惠券抵扣（元）',
  pointsCashFen: '积分抵现（元）',
}
const FLOWS = { issued: '发放', redeemed: '兑换', expired: '过期' } as const

export interface Stat {
  key: string
  label: string
  value: string
}
export interface Bar {
  key: string
  label: string
  value: number
  percent: number
}
export interface Chart {
  key: string
  label: string
  bars: Bar[]
}
export interface TrendPoint {
  day: string
  flow: string
  points: number
}

export const formatRate = (value: number): string => `${(value * 100).toFixed(1)}%`
const formatCount = (value: number): string => value.toLocaleString('en-US')

export function metricsView(m: Metrics): { counts: Stat[]; rates: Stat[]; givenAway: Stat[]; charts: Chart[] } {
  const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][]
  return {
    counts: entries(COUNTS).map(([key, label]) => ({ key, label, value: formatCount(m[key]) })),
    rates: entries(RATES).map(([key, label]) => ({ key, label, value: formatRate(m[key]) })),
    givenAway: entries(GIVEN_AWAY).map(([key, label]) => ({ key, label, value: yuan(m.givenAway[key]) })),
    charts: entries(TIER_MAPS).map(([key, label]) => tierChart(key, label, m[key], m.tierNames)),
  }
}

function tierChart(key: string, label: string, values: Record<string, number>, names: Record<string, string>): Chart {
  const max = Math.max(0, ...Object.values(values))
  const bars = Object.entries(values).map(([id, value]) => ({
    key: id,
    label: names[id] ?? '已停用的等级',
    value,
    percent: max > 0 ? Math.round((value / max) * 100) : 0,
  }))
  return { key, label, bars }
}

/** The trend as f2 draws lines: one point per day and flow, the flow named in Chinese. */
export function trendPoints(trend: Metrics['trend']): TrendPoint[] {
  const flows = Object.entries(FLOWS) as [keyof typeof FLOWS, string][]
  return trend.flatMap((d) => flows.map(([key, flow]) => ({ day: d.day.slice(5), flow, points: d[key] })))
}

export const TREND_FLOWS: string[] = Object.values(FLOWS)
