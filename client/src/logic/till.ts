// What the till's screens say: the 会员码's refresh, a purchase's stage and sums, the steppers for points.
import type { ArgsFor, DataFor } from '../services/api'
import type { Purchase, Summary } from '../services/contract'
import { formatPoints, formatYuan, parseYuanToFen } from './format'

export { groupDigits } from '../../../shared/codes'

/** Whole seconds from `now` until `iso`, never below zero. */
export function secondsLeft(iso: string, now: number): number {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : Math.max(0, Math.ceil((t - now) / 1000))
}

export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * When to fetch a fresh 会员码: 5 s before the server's expiry, but between 10 s and 55 s after receiving it,
 * so a phone clock that runs ahead neither loops nor one that runs behind shows a dead code.
 */
export function refreshDelay(expiresAt: string, now: number): number {
  const t = Date.parse(expiresAt)
  const wanted = Number.isNaN(t) ? 0 : t - now - 5_000
  return Math.min(55_000, Math.max(10_000, wanted))
}

/** The clerk has used the shown 会员码 once the shopper's spend or balance moved. */
export function memberCodeUsed(before: Pick<Summary, 'balance' | 'totalSpentFen'>, after: Pick<Summary, 'balance' | 'totalSpentFen'>): boolean {
  return before.totalSpentFen !== after.totalSpentFen || before.balance !== after.balance
}

export interface Stage {
  label: string
  tone: 'orange' | 'green' | 'gray'
  final: boolean
}

const STAGES: Record<Purchase['status'], Stage> = {
  open: { label: '待领取', tone: 'orange', final: false },
  claimed: { label: '已领取', tone: 'green', final: true },
  expired: { label: '已过期', tone: 'gray', final: true },
  partlyRefunded: { label: '部分退款', tone: 'orange', final: true },
  refunded: { label: '已退款', tone: 'gray', final: true },
}

/** A purchase's stage on the clerk's screen; polling stops once it is final. */
export function purchaseStage(status: Purchase['status']): Stage {
  return STAGES[status] ?? { label: status, tone: 'gray', final: true }
}

export interface SumLine {
  key: string
  label: string
  value: string
}

/** The sums of a claimed purchase, top to bottom, ending with what the clerk charges. */
export function chargeLines(p: Purchase): SumLine[] {
  const deductedFen = Math.max(0, p.amountFen - p.tierDiscountFen - p.voucherOffFen - p.payFen)
  const lines: SumLine[] = [{ key: 'amount', label: '订单金额', value: formatYuan(p.amountFen) }]
  if (p.tierDiscountFen > 0) lines.push({ key: 'tier', label: '会员折扣', value: formatYuan(-p.tierDiscountFen) })
  if (p.voucherOffFen > 0) lines.push({ key: 'voucher', label: '优惠券', value: formatYuan(-p.voucherOffFen) })
  lines.push({
    key: 'points',
    label: '积分抵扣',
    value: p.deductedPoints > 0 ? `${formatPoints(p.deductedPoints)} 积分（${formatYuan(-deductedFen)}）` : '未使用',
  })
  lines.push({ key: 'awarded', label: '获得积分', value: `+${formatPoints(p.awarded)}` })
  if (p.refundedFen > 0) lines.push({ key: 'refunded', label: '已退款', value: formatYuan(p.refundedFen) })
  return lines
}

/** What may still be refunded of a purchase. */
export function refundableFen(p: Purchase): number {
  return p.status === 'claimed' || p.status === 'partlyRefunded' ? Math.max(0, p.payFen - p.refundedFen) : 0
}

/** The shopper's points stepper: by `step`, within 0..max. */
export function stepPoints(current: number, direction: 1 | -1, max: number, step = 100): number {
  return Math.min(Math.max(0, max), Math.max(0, current + direction * step))
}

/** The 会员码's optional cap: null is no cap; down from one step is no cap again. */
export function stepCap(cap: number | null, direction: 1 | -1, step = 100): number | null {
  if (cap === null) return direction > 0 ? step : null
  const next = cap + direction * step
  return next < step ? null : next
}

export function capLabel(cap: number | null): string {
  return cap === null ? '不限（按订单最多可抵）' : `最多 ${formatPoints(cap)} 积分`
}

type UsableVoucher = DataFor<'store', 'previewPurchase'>['vouchers'][number]

/** What choosing a voucher does to this order: the fen it takes off, or the points it multiplies. */
export function voucherGain(v: Pick<UsableVoucher, 'offFen' | 'multiplier'>): string {
  return v.offFen > 0 ? formatYuan(-v.offFen) : `积分×${v.multiplier}`
}

export interface LineRow {
  tag: string
  yuan: string
}
type OrderLines = NonNullable<ArgsFor<'store', 'checkout'>['lines']>

/** The clerk's tagged lines as the order carries them; rows left blank are dropped; a row that can't be read says why. */
export function orderLines(rows: LineRow[], amountFen: number): { lines: OrderLines } | { error: string } {
  const filled = rows.filter((r) => r.tag.trim() || r.yuan.trim())
  const lines: OrderLines = []
  for (const [i, r] of filled.entries()) {
    const fen = parseYuanToFen(r.yuan)
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(r.tag.trim())) return { error: `第 ${i + 1} 行：请填写活动的商品类别` }
    if (fen === null) return { error: `第 ${i + 1} 行：请输入正确的金额，例如 12 或 12.50` }
    lines.push({ tag: r.tag.trim(), amountFen: fen })
  }
  if (lines.reduce((s, l) => s + l.amountFen, 0) > amountFen) return { error: '分项金额合计不能超过订单金额' }
  return { lines }
}
