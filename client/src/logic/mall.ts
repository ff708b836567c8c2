import type { CatalogItem, Voucher, VoucherStatus } from '../services/contract'
import { formatDateTime, formatPoints } from './format'

export interface ItemView { item: CatalogItem; canRedeem: boolean; note: string }

// What each mall card says: sold out beats not affordable, which says how far the shopper is.
export function itemView(item: CatalogItem, balance: number | null): ItemView {
  if (item.stock <= 0) return { item, canRedeem: false, note: '已兑完' }
  const affordable = balance === null ? item.affordable : balance >= item.points
  if (!affordable) {
    const missing = balance === null ? null : item.points - balance
    return { item, canRedeem: false, note: missing ? `还差 ${formatPoints(missing)} 积分` : '积分不足' }
  }
  return { item, canRedeem: true, note: `剩余 ${item.stock}` }
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

/** The voucher page keeps asking while a QR code is on screen, so a fulfilment shows without a tap. */
export function showsPendingCode(vouchers: Pick<Voucher, 'status'>[]): boolean {
  return vouchers.some((v) => v.status === 'pending')
}
