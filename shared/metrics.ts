/** The merchant's figures for a period, from rows the database aggregated (this module only does the arithmetic). */
import { isDay } from './calendar'
import type { LedgerKind } from './member'
import { Refusal } from './refusal'
import { countOf, withCount } from './keys'
import type { Rules, TierRule } from './rules'
import dayjs from 'dayjs'

export interface Period {
  from: string
  to: string
  /** First instant of `from`, merchant time. */
  start: Date
  /** First instant after `to`, merchant time. */
  end: Date
}

/** The longest period the owner may ask for at once: a year, leap day included, so every query stays bounded. */
export const MAX_PERIOD_DAYS = 366

/** Days from `from` to `to` inclusive, in the merchant's zone; refuses a reversed period or one longer than a year. */
export function periodOf(from: string, to: string, rules: Rules): Period {
  if (!isDay(from) || !isDay(to) || from > to) throw new Refusal('INVALID_ARGUMENT', '统计区间不正确：开始日期应不晚于结束日期')
  if (dayjs(to).diff(dayjs(from), 'day') + 1 > MAX_PERIOD_DAYS)
    throw new Refusal('INVALID_ARGUMENT', `统计区间最长 ${MAX_PERIOD_DAYS} 天，请缩短日期范围`)
  const start = dayjs.tz(`${from} 00:00:00`, rules.timeZone).toDate()
  const end = dayjs.tz(`${to} 00:00:00`, rules.timeZone).add(1, 'day').toDate()
  return { from, to, start, end }
}

/** Ledger kinds that show a member did something themselves (not a job acting on them). */
export const ACTIVE_KINDS: LedgerKind[] = ['checkin', 'purchase', 'cash', 'redeem', 'draw', 'profile']

/** Ledger kinds that credit earned points (refunds only give back, adjustments correct). */
export const EARNING_KINDS: LedgerKind[] = ['signup', 'profile', 'checkin', 'purchase', 'first', 'tier', 'share', 'draw', 'birthday']

/** Points moved by one ledger kind in the period: credits and debits (negative) summed apart. */
export interface FlowRow {
  _id: string
  credits: number
  debits: number
}

/** A kind's flow on one merchant day. */
export interface DayFlowRow {
  _id: { day: string; kind: string }
  credits: number
  debits: number
}

/** Points issued, redeemed and expired on one merchant day. */
export interface TrendDay {
  day: string
  issued: number
  redeemed: number
  expired: number
}

export interface CountRow {
  _id: string | null
  n: number
}

/** Fen that orders claimed in the period had taken off (fully refunded ones aside): by tier discounts, vouchers, points as cash. */
export interface GivenAway {
  tierDiscountFen: number
  voucherOffFen: number
  pointsCashFen: number
  totalFen: number
}

/** The database's sums of claimed purchases' discounts; absent when nothing was claimed. */
export type GivenAwayRow = Omit<GivenAway, 'totalFen'>

export interface MetricsInput {
  members: number
  newMembers: number
  activeMembers: number
  checkInMembers: number
  buyers: number
  repeatBuyers: number
  flows: FlowRow[]
  dayFlows: DayFlowRow[]
  /** Members who earned points in the period (any credit but a refund). */
  earners: number
  tiers: CountRow[]
  promotions: CountRow[]
  givenAway?: GivenAwayRow
}

export interface Metrics {
  from: string
  to: string
  members: number
  newMembers: number
  activeMembers: number
  pointsIssued: number
  pointsRedeemed: number
  pointsExpired: number
  /** Redeemed ÷ issued. */
  burnRate: number
  /** Members who checked in ÷ members. */
  checkInParticipation: number
  tierDistribution: Record<string, number>
  /** Members who reached each tier in the period. */
  promotions: Record<string, number>
  /** Members with ≥ 2 purchases ÷ members with ≥ 1, in the period. */
  repurchaseRate: number
  buyers: number
  repeatBuyers: number
  /** Members who earned points ÷ members. */
  earnedShare: number
  earners: number
  /** Every day of the period, oldest first. */
  trend: TrendDay[]
  /** The name of each tier id above, as the rules call it, so the owner reads names and not ids. */
  tierNames: Record<string, string>
  givenAway: GivenAway
}

const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : 0)

/**
 * Issued: every credit except refunds (a refund only returns points). Redeemed: points spent in the mall, as cash
 * and on draws, less what was refunded. Expired: what expiry removed.
 */
export function pointFlows(rows: readonly FlowRow[]): { issued: number; redeemed: number; expired: number } {
  const by = (kind: string) => rows.find((r) => r._id === kind) ?? { _id: kind, credits: 0, debits: 0 }
  const issued = rows.filter((r) => r._id !== 'refund').reduce((s, r) => s + r.credits, 0)
  const spent = rows.filter((r) => r._id !== 'expire').reduce((s, r) => s - r.debits, 0)
  return { issued, redeemed: Math.max(0, spent - by('refund').credits), expired: 0 - by('expire').debits }
}

/** Members per tier id: every tier of the rules (0 when none), plus ids the rules no longer name. */
function tally(tiers: readonly TierRule[], rows: readonly CountRow[]): Record<string, number> {
  let counts: Record<string, number> = {}
  for (const t of tiers) counts = withCount(counts, t.id, 0)
  for (const row of rows) if (row._id) counts = withCount(counts, row._id, countOf(counts, row._id) + row.n)
  return counts
}

export function metricsOf(period: Period, input: MetricsInput, rules: Rules): Metrics {
  const { issued, redeemed, expired } = pointFlows(input.flows)
  const tierDistribution = tally(rules.tiers, input.tiers)
  const promotions = tally(rules.tiers.slice(1), input.promotions)
  return {
    from: period.from,
    to: period.to,
    members: input.members,
    newMembers: input.newMembers,
    activeMembers: input.activeMembers,
    pointsIssued: issued,
    pointsRedeemed: redeemed,
    pointsExpired: expired,
    burnRate: ratio(redeemed, issued),
    checkInParticipation: ratio(input.checkInMembers, input.members),
    tierDistribution,
    promotions,
    repurchaseRate: ratio(input.repeatBuyers, input.buyers),
    buyers: input.buyers,
    repeatBuyers: input.repeatBuyers,
    earnedShare: ratio(input.earners, input.members),
    earners: input.earners,
    trend: trendOf(period, input.dayFlows),
    tierNames: Object.fromEntries(rules.tiers.map((t) => [t.id, t.name])),
    givenAway: givenAwayOf(input.givenAway),
  }
}

/** The value given away, with its total. */
export function givenAwayOf(row: GivenAwayRow = { tierDiscountFen: 0, voucherOffFen: 0, pointsCashFen: 0 }): GivenAway {
  const { tierDiscountFen, voucherOffFen, pointsCashFen } = row
  return { tierDiscountFen, voucherOffFen, pointsCashFen, totalFen: tierDiscountFen + voucherOffFen + pointsCashFen }
}

/** The daily trend: each day's flows summed as `pointFlows` sums the period's, days without any at zero. */
export function trendOf(period: Period, rows: readonly DayFlowRow[]): TrendDay[] {
  const out: TrendDay[] = []
  for (let d = dayjs(period.from); d.format('YYYY-MM-DD') <= period.to; d = d.add(1, 'day')) {
    const day = d.format('YYYY-MM-DD')
    const flows = rows.filter((r) => r._id.day === day).map((r) => ({ _id: r._id.kind, credits: r.credits, debits: r.debits }))
    out.push({ day, ...pointFlows(flows) })
  }
  return out
}
