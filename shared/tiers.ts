/** Tiers by cumulative spend or lifetime earned points; a member never drops. */
import type { Rules, TierRule } from './rules'

/** The tier with this id, or the lowest one when the id is unknown (e.g. after a rules change). */
export function tierById(rules: Rules, id: string): TierRule {
  return rules.tiers.find((t) => t.id === id) ?? rules.tiers[0]!
}

/** Position of a tier from the lowest (0); an unknown id counts as the lowest. */
export function rankOf(rules: Rules, id: string): number {
  return Math.max(0, rules.tiers.findIndex((t) => t.id === id))
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
  const from = rankOf(rules, currentId)
  const to = rankOf(rules, tierReached(rules, spentFen, lifetimePoints).id)
  return rules.tiers.slice(from + 1, to + 1)
}

/** The next tier and what is still needed, or null at the top. */
export function nextTier(
  rules: Rules,
  currentId: string,
  spentFen: number,
  lifetimePoints: number,
): { id: string; name: string; needSpentFen: number; needPoints: number } | null {
  const next = rules.tiers[rankOf(rules, currentId) + 1]
  if (!next) return null
  return {
    id: next.id,
    name: next.name,
    needSpentFen: Math.max(0, next.minSpentFen - spentFen),
    needPoints: Math.max(0, next.minPoints - lifetimePoints),
  }
}
