/**
 * The tier policy: `lifetime` (tiers judged on cumulative spend and points, never dropping except by refunds) or
 * `rolling` (judged on the last `months` merchant months, once a month, at most one tier down, with a notice a week before).
 */
import { addMonths, monthOf, startOfMonth } from './calendar'
import type { Rules, TierRule } from './rules'
import { tierHeld, type TierStanding } from './tiers'

/** Spend and earned points recorded in one merchant month (a refund or clawback may leave a month below zero). */
export interface MonthRecord {
  month: string
  spentFen: number
  points: number
}

/** A member's tier, totals and monthly records. */
export type PolicyStanding = TierStanding & { recent?: MonthRecord[] }

/** The longest rolling window the rules allow: older months are dropped. */
const KEPT_MONTHS = 60
/** The notice comes this long before the judgement. */
export const NOTICE_DAYS = 7

/** Adds spend and points to `month`'s record, keeping the last 60 months. */
export function recordMonth(recent: readonly MonthRecord[] = [], month: string, spentFen: number, points: number): MonthRecord[] {
  const found = recent.find((r) => r.month === month)
  const next = found
    ? recent.map((r) => (r === found ? { month, spentFen: r.spentFen + spentFen, points: r.points + points } : r))
    : [...recent, { month, spentFen, points }]
  const oldest = addMonths(month, -(KEPT_MONTHS - 1))
  return next.filter((r) => r.month >= oldest)
}

/** What decides the tier at `at`: lifetime totals, or in rolling mode the last `months` merchant months, `at`'s included. */
export function standingAt(m: PolicyStanding, rules: Rules, at: Date): TierStanding {
  const policy = rules.tierPolicy
  if (policy.mode === 'lifetime') return { tier: m.tier, totalSpentFen: m.totalSpentFen, lifetimePoints: m.lifetimePoints }
  const to = monthOf(at, rules.timeZone)
  const from = addMonths(to, -(policy.months - 1))
  const window = (m.recent ?? []).filter((r) => r.month >= from && r.month <= to)
  const sum = (k: 'spentFen' | 'points') =>
    Math.max(
      0,
      window.reduce((s, r) => s + r[k], 0),
    )
  return { tier: m.tier, totalSpentFen: sum('spentFen'), lifetimePoints: sum('points') }
}

/**
 * The monthly judgement at `at` (the first instant of a merchant month), on the window of whole months that closed just
 * before it: the tier one below the one held when that window no longer reaches it; null when it is kept.
 */
export function tierJudgement(m: PolicyStanding, rules: Rules, at: Date): { from: TierRule; to: TierRule } | null {
  if (rules.tierPolicy.mode === 'lifetime') return null
  const s = standingAt(m, rules, new Date(at.getTime() - 1))
  const held = tierHeld(rules, m)
  const rank = rules.tiers.indexOf(held)
  const keeps = rank === 0 || s.totalSpentFen >= held.minSpentFen || s.lifetimePoints >= held.minPoints
  return keeps ? null : { from: held, to: rules.tiers[rank - 1]! }
}

/** The first instant of `now`'s merchant month: when this month's judgement falls. */
export function judgementAt(rules: Rules, now: Date): Date {
  return startOfMonth(monthOf(now, rules.timeZone), rules.timeZone)
}

/** The first instant of the month after `now`'s: when the next judgement falls. */
export function nextJudgementAt(rules: Rules, now: Date): Date {
  return startOfMonth(addMonths(monthOf(now, rules.timeZone), 1), rules.timeZone)
}

export interface TierNotice {
  to: { id: string; name: string }
  /** The merchant day the tier changes. */
  on: string
  text: string
}

/** In the week before the judgement, what it would decide on today's standing: the shopper's notice; otherwise null. */
export function tierNoticeAt(m: PolicyStanding, rules: Rules, now: Date): TierNotice | null {
  const at = nextJudgementAt(rules, now)
  if (at.getTime() - now.getTime() > NOTICE_DAYS * 86_400_000) return null
  const drop = tierJudgement(m, rules, at)
  if (!drop) return null
  const on = `${monthOf(at, rules.timeZone)}-01`
  return { to: { id: drop.to.id, name: drop.to.name }, on, text: `${on} 起会员等级将调整为${drop.to.name}，本月再消费可保留${drop.from.name}` }
}
