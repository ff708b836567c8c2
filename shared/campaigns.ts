/**
 * Campaigns (会员日, double-points weekends, "新品 ×3"): which run on a merchant day for a tier, and the points they add to a
 * purchase, line by line. Overlapping campaigns use the largest multiplier, never the product; `capPoints` caps each one.
 */
import type { OrderLine } from './api'
import { dayOf } from './calendar'
import type { Rules } from './rules'

export type Campaign = Rules['campaigns'][number]

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a `YYYY-MM-DD` day. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** True when the campaign runs on the merchant's `day` (both ends of its window included) for a member of `tierId`. */
export function runsOn(c: Campaign, day: string, tierId: string | null, rules: Rules): boolean {
  if (day < c.from || day > c.to) return false
  if (c.weekdays && !c.weekdays.includes(weekdayOf(day))) return false
  if (c.monthDays && !c.monthDays.includes(Number(day.slice(8, 10)))) return false
  if (!c.minTier || tierId === null) return true
  const rank = (id: string) => rules.tiers.findIndex((t) => t.id === id)
  return rank(tierId) >= rank(c.minTier)
}

/** The campaigns running at `now` (merchant day); with a tier, only those open to it. */
export function campaignsAt(rules: Rules, now: Date, tierId: string | null = null): Campaign[] {
  const day = dayOf(now, rules.timeZone)
  return rules.campaigns.filter((c) => runsOn(c, day, tierId, rules))
}

/** What a page says of today's campaigns, e.g. "今天会员日，消费积分×2". */
export function campaignText(c: Campaign): string {
  return `今天${c.name}，${c.tags ? '指定商品' : '消费'}积分×${c.multiplier}`
}

/** A part of what is paid, with the tag of its order line (null: the rest of the order). */
export interface Portion {
  tag: string | null
  payFen: number
}

/** What is paid, split over the order's lines in proportion to their amounts (rounded down); the rest is untagged. */
export function portionsOf(amountFen: number, payFen: number, lines: readonly OrderLine[] = []): Portion[] {
  const tagged = lines.map((l) => ({ tag: l.tag, payFen: amountFen === 0 ? 0 : Math.floor((payFen * l.amountFen) / amountFen) }))
  const rest = payFen - tagged.reduce((s, p) => s + p.payFen, 0)
  return [...tagged, { tag: null, payFen: rest }]
}

export interface CampaignGain {
  id: string
  name: string
  points: number
}

/**
 * Points the campaigns add on top of `pointsOf(fen)` (the purchase's own points on that part), per portion the largest
 * multiplier that applies to it; each campaign's gain capped by its `capPoints`.
 */
export function campaignGains(portions: readonly Portion[], running: readonly Campaign[], pointsOf: (fen: number) => number): CampaignGain[] {
  const gains = new Map<Campaign, number>()
  for (const portion of portions) {
    const best = bestFor(portion.tag, running)
    if (best) gains.set(best, (gains.get(best) ?? 0) + pointsOf(portion.payFen) * (best.multiplier - 1))
  }
  return [...gains].map(([c, points]) => ({ id: c.id, name: c.name, points: Math.min(points, c.capPoints ?? points) })).filter((g) => g.points > 0)
}

/** The campaign with the largest multiplier among those that cover a line of `tag` (whole-order ones cover every line). */
function bestFor(tag: string | null, running: readonly Campaign[]): Campaign | null {
  const covering = running.filter((c) => !c.tags || (tag !== null && c.tags.includes(tag)))
  return covering.reduce<Campaign | null>((best, c) => (!best || c.multiplier > best.multiplier ? c : best), null)
}

/** 首单双倍 as a campaign on the whole first order, so a campaign running beside it uses the larger multiplier. */
export function firstOrderCampaign(rules: Rules): Campaign {
  return {
    id: 'first',
    name: `首单积分×${rules.purchase.firstMultiplier}`,
    from: '0000-01-01',
    to: '9999-12-31',
    multiplier: rules.purchase.firstMultiplier,
  }
}

/** Today's campaigns as the home page and the mall show them. */
export function campaignsToday(rules: Rules, now: Date, tierId: string | null): { id: string; name: string; multiplier: number; text: string }[] {
  return campaignsAt(rules, now, tierId).map((c) => ({ id: c.id, name: c.name, multiplier: c.multiplier, text: campaignText(c) }))
}
