import type { Summary } from '../services/contract'
import { formatPoints, formatYuan } from './format'

export interface TierProgress {
  percent: number
  text: string
}

// Tiers come by spend or by lifetime points, whichever is nearer; progress shows the nearer path.
export function tierProgress(s: Pick<Summary, 'nextTier' | 'tier' | 'display'>): TierProgress {
  const next = s.nextTier
  if (!next) return { percent: 100, text: `已是最高等级 ${s.tier.name}` }
  const needFen = Math.max(0, next.needSpentFen)
  const needPts = Math.max(0, next.needPoints)
  // the bar's scale is the next tier's thresholds, as the merchant's rules set them
  const target = s.display.tiers.find((t) => t.id === next.id)
  const spendPct = target && target.minSpentYuan > 0 ? 1 - needFen / (target.minSpentYuan * 100) : 0
  const pointsPct = target && target.minPoints > 0 ? 1 - needPts / target.minPoints : 0
  const percent = Math.round(Math.min(1, Math.max(0, spendPct, pointsPct)) * 100)
  return {
    percent,
    text: `再消费 ${formatYuan(needFen)} 或再获得 ${formatPoints(needPts)} 积分升级${next.name}`,
  }
}

/** The held tier's perks in words, from the merchant's rules: the points rate, and the discount when there is one. */
export function tierPerks(s: Pick<Summary, 'tier' | 'display'>): string[] {
  const discount = s.display.tiers.find((t) => t.id === s.tier.id)?.discountPercent ?? 0
  const perks = [`积分 ×${s.tier.rate}`]
  if (discount > 0) perks.push(`消费享 ${(100 - discount) / 10} 折`)
  return perks
}

export function tierClass(tierId: string): string {
  return `tier-${['normal', 'silver', 'gold', 'diamond'].includes(tierId) ? tierId : 'normal'}`
}
