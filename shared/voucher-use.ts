/** A voucher with a value used on an order: whose it is, whether it can still be used, and giving it back after a full refund. */
import type { VoucherDoc } from './member'
import { Refusal } from './refusal'
import { requireMinSpend, valueText, voucherOffFen, type VoucherValue } from './voucher-value'

export type ValuedVoucher = VoucherDoc & { value: VoucherValue }

/** Why this member cannot use this voucher on an order of `amountFen` now; null when it can. */
export function voucherRefusal(voucher: VoucherDoc | null, openid: string, amountFen: number, now: Date): Refusal | null {
  // another member's code reads the same as no code: it says nothing about whose it is
  if (!voucher || voucher.openid !== openid) return new Refusal('NOT_FOUND', '没有找到这张优惠券，请核对券码')
  if (!voucher.value) return new Refusal('INVALID_ARGUMENT', '这张券不能在结账时抵扣，请在柜台出示券码核销')
  if (voucher.status === 'fulfilled') return new Refusal('ALREADY_DONE', '这张优惠券已经用过了')
  if (voucher.status === 'rejected') return new Refusal('ALREADY_DONE', '这张优惠券已经退回了')
  if (voucher.status === 'expired' || voucher.expiresAt.getTime() <= now.getTime()) return new Refusal('EXPIRED', '这张优惠券已过期')
  try {
    requireMinSpend(voucher.value, amountFen)
  } catch (refusal) {
    return refusal as Refusal
  }
  return null
}

/** The voucher, checked as usable by this member on this order; otherwise the refusal that says why not. */
export function requireUsable(voucher: VoucherDoc | null, openid: string, amountFen: number, now: Date): ValuedVoucher {
  const refusal = voucherRefusal(voucher, openid, amountFen, now)
  if (refusal) throw refusal
  return voucher as ValuedVoucher
}

/** The voucher fulfilled by this order, remembering when, so a full refund can give back the validity it had left. */
export function usedOn(voucher: VoucherDoc, orderId: string, now: Date): VoucherDoc {
  return { ...voucher, status: 'fulfilled', orderId, usedAt: now, updatedAt: now }
}

/** After a full refund: pending again, with as much validity as it had left when it was used. */
export function returnedVoucher(voucher: VoucherDoc, now: Date): VoucherDoc {
  const left = voucher.usedAt ? voucher.expiresAt.getTime() - voucher.usedAt.getTime() : 0
  const { orderId: _o, usedAt: _u, ...rest } = voucher
  return { ...rest, status: 'pending', expiresAt: new Date(now.getTime() + Math.max(left, 0)), updatedAt: now }
}

/** The voucher a refund leaves: given back once the order is refunded in full and the voucher is still the one this order used. */
export function voucherAfterRefund(voucher: VoucherDoc | null, orderId: string, fullyRefunded: boolean, now: Date): VoucherDoc | null {
  if (!voucher || !fullyRefunded || voucher.status !== 'fulfilled' || voucher.orderId !== orderId) return null
  return returnedVoucher(voucher, now)
}

/** A usable voucher as the preview and the clerk's screen list it: what it takes off this order. */
export interface UsableVoucher {
  code: string
  name: string
  text: string
  offFen: number
  multiplier: number
  expiresAt: string
}

/** The member's vouchers usable on an order of `amountFen` (`leftFen` after the tier discount), the most off first. */
export function usableVouchers(vouchers: readonly VoucherDoc[], openid: string, amountFen: number, leftFen: number, now: Date): UsableVoucher[] {
  return vouchers
    .filter((v) => voucherRefusal(v, openid, amountFen, now) === null)
    .map((v) => {
      const value = v.value!
      return {
        code: v._id,
        name: v.name,
        text: valueText(value),
        offFen: voucherOffFen(value, leftFen),
        multiplier: value.type === 'pointsMultiplier' ? value.multiplier : 1,
        expiresAt: v.expiresAt.toISOString(),
      }
    })
    .sort((a, b) => b.offFen - a.offFen || b.multiplier - a.multiplier || a.expiresAt.localeCompare(b.expiresAt))
}
