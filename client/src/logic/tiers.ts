import type { Summary } from '../services/contract'
import { formatPoints, formatYuan } from './format'

export interface TierProgress {
  percent: number
  text: string
}

// Tiers come by spend or by lifetime points, whichever is nearer; progress shows the nearer path.
export function tierProgress(s: Pick<Summary, 'nextTier' | 'tier'>): TierProgress {
  const next = s.nextTier
  if (!next) return { percent: 100, text: `已是最高等级 ${s.tier.name}` }
  const needFen = Math.max(0, next.needSpentFen)
  const needPts = Math.max(0, next.needPoints)
  const target = TIER_THRESHOLDS[next.id]
  const spendPct = target ? 1 - needFen / (target * 100) : 0
  const pointsPct = target ? 1 - needPts / target : 0
  const percent = Math.round(Math.min(1, Math.max(0, spendPct, pointsPct)) * 100)
  return {
    percent,
    text: `再消费 ${formatYuan(needFen)} 或再获得 ${formatPoints(needPts)} 积分升级${next.name}`,
  }
}

// Default thresholds (yuan = points) from the merchant's rules; only used to draw the bar.
const TIER_THRESHOLDS: Record<string, number> = { silver: 1000, gold: 5000, diamond: 20000 }

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

const TIER_NAMES: Record<string, string> = { normal: '普通会员', silver: '银卡', gold: '金卡', diamond: '钻石卡' }

// Some answers carry the tier id only; show its name.
export function tierName(tier: string | { name: string }): string {
  return typeof tier === 'string' ? (TIER_NAMES[tier] ?? tier) : tier.name
}
