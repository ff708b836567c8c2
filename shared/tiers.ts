/** Tiers by cumulative spend or lifetime earned points; a member never drops, except when a refund undoes what reached a tier. */
import type { Rules, TierRule } from './rules'

/** What decides a member's tier. */
export interface TierStanding {
  tier: string
  totalSpentFen: number
  lifetimePoints: number
}

/**
 * The tier a member holds. One the rules no longer name (dropped or renamed) counts as the highest tier spend or points
 * reach, never the lowest: its bonuses were paid under the old name, and paying them again would collide with the ledger.
 */
export function tierHeld(rules: Rules, m: TierStanding): TierRule {
  return rules.tiers.find((t) => t.id === m.tier) ?? tierReached(rules, m.totalSpentFen, m.lifetimePoints)
}

function rankOf(rules: Rules, currentId: string, spentFen: number, lifetimePoints: number): number {
  return rules.tiers.indexOf(tierHeld(rules, { tier: currentId, totalSpentFen: spentFen, lifetimePoints }))
}

/** The highest tier that spend or lifetime points reach. */
export function tierReached(rules: Rules, spentFen: number, lifetimePoints: number): TierRule {
  let reached = rules.tiers[0]!
  for (const tier of rules.tiers) {
    if (spentFen >= tier.minSpentFen || lifetimePoints >= tier.minPoints) reached = tier
  }
  return reached
}

/** Tiers above `currentId` up to what spend or points reach, lowest first: each pays its bonus. */
export function tiersCrossed(rules: Rules, currentId: string, spentFen: number, lifetimePoints: number): TierRule[] {
  const from = rankOf(rules, currentId, spentFen, lifetimePoints)
  const to = rules.tiers.indexOf(tierReached(rules, spentFen, lifetimePoints))
  return rules.tiers.slice(from + 1, to + 1)
}

/** The next tier and what is still needed, or null at the top. */
export function nextTier(
  rules: Rules,
  currentId: string,
  spentFen: number,
  lifetimePoints: number,
): { id: string; name: string; needSpentFen: number; needPoints: number } | null {
  const next = rules.tiers[rankOf(rules, currentId, spentFen, lifetimePoints) + 1]
  if (!next) return null
  return {
    id: next.id,
    name: next.name,
    needSpentFen: Math.max(0, next.minSpentFen - spentFen),
    needPoints: Math.max(0, next.minPoints - lifetimePoints),
  }
}

/** What a refund leaves of the tiers one purchase reached: the tier to hold, and the tiers lost with their bonus. */
export interface TiersUndone {
  tier: TierRule
  lost: TierRule[]
}

/**
 * Judged on the member's standing after the refund: while the member holds a tier the purchase `reached`, every one of
 * those above both what spend and points still reach and the tier held `before` the purchase is lost. A tier reached
 * since by other means stays. By `tierHeld`'s rule, a tier the rules no longer name is never lost (nor its bonus paid
 * again), and a `before` they no longer name counts for what spend and points reach.
 */
export function tiersUndone(rules: Rules, m: TierStanding, before: string, reached: readonly string[]): TiersUndone {
  const held = tierHeld(rules, m)
  const named = rules.tiers.filter((t) => reached.includes(t.id))
  if (!named.includes(held)) return { tier: held, lost: [] }
  const floor = Math.max(
    rules.tiers.indexOf(tierReached(rules, m.totalSpentFen, m.lifetimePoints)),
    rules.tiers.findIndex((t) => t.id === before),
  )
  const lost = named.filter((t) => rules.tiers.indexOf(t) > floor)
  return lost.length === 0 ? { tier: held, lost } : { tier: rules.tiers[floor]!, lost }
}
