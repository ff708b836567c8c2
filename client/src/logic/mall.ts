import type { CatalogItem, Voucher, VoucherStatus } from '../services/contract'
import { msUntil, remainingText } from './countdown'
import { formatDateTime, formatPoints } from './format'

export interface ItemView {
  item: CatalogItem
  canRedeem: boolean
  note: string
}

// What each mall card says: sold out beats a tier above the shopper's, which beats how far the shopper is.
export function itemView(item: CatalogItem, balance: number | null): ItemView {
  if (item.stock <= 0) return { item, canRedeem: false, note: '已兑完' }
  if (item.aboveTier) return { item, canRedeem: false, note: `${item.minTier?.name ?? '更高等级'}及以上可兑换` }
  const affordable = balance === null ? item.affordable : balance >= item.points
  if (!affordable) {
    const missing = balance === null ? null : item.points - balance
    return { item, canRedeem: false, note: missing ? `还差 ${formatPoints(missing)} 积分` : '积分不足' }
  }
  return { item, canRedeem: true, note: `剩余 ${item.stock}` }
}

/** The tier mark on an item kept for higher tiers (null: for everyone). */
export function tierMark(item: Pick<CatalogItem, 'minTier'>): string | null {
  return item.minTier ? `${item.minTier.name}专享` : null
}

/** An item with a sale window (秒杀) stays listed only until its end, even on a page left open. */
export function onSaleAt(item: Pick<CatalogItem, 'saleEnd'>, now: number): boolean {
  return !item.saleEnd || msUntil(item.saleEnd, now) > 0
}

/** 秒杀 剩 03:12 for an item with a sale window; null without one. */
export function saleCountdown(item: Pick<CatalogItem, 'saleEnd'>, now: number): string | null {
  return item.saleEnd ? `秒杀 剩 ${remainingText(msUntil(item.saleEnd, now))}` : null
}

/** The confirm modal's question: the item and the points it costs. */
export function redeemQuestion(item: Pick<CatalogItem, 'name' | 'points'>): string {
  return `确定用 ${formatPoints(item.points)} 积分兑换「${item.name}」吗？`
}

export function recommendation(balance: number, items: CatalogItem[]): string | null {
  const next = items.filter((i) => i.stock > 0 && i.points > balance).sort((a, b) => a.points - b.points)[0]
  return next ? `再攒 ${formatPoints(next.points - balance)} 积分可兑换${next.name}` : null
}

export const VOUCHER_STATUS: Record<VoucherStatus, { label: string; tone: string }> = {
  pending: { label: '待使用', tone: 'green' },
  fulfilled: { label: '已核销', tone: 'gray' },
  rejected: { label: '已驳回', tone: 'red' },
  expired: { label: '已过期', tone: 'gray' },
}

export function voucherStatus(status: string): { label: string; tone: string } {
  return VOUCHER_STATUS[status as VoucherStatus] ?? { label: status, tone: 'gray' }
}

const HANDLED: Partial<Record<VoucherStatus, string>> = { fulfilled: '核销时间', rejected: '驳回时间', expired: '过期时间' }

/** When a voucher left pending, in the words of what happened (核销时间 ...); null while pending or unknown. */
export function handledLine(v: Pick<Voucher, 'status' | 'handledAt'>): string | null {
  const label = HANDLED[v.status]
  return label && v.handledAt ? `${label} ${formatDateTime(v.handledAt)}` : null
}
