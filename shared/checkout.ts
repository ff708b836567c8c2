/** The till: opening a purchase, the shopper's preview of it, and the clerk's checkout of a scanned 会员码 (open and claim at once). */
import type { OrderLine, PurchasePreview } from './api'
import {
  claimPurchase,
  earnedTotal,
  memberAsOf,
  purchaseBill,
  purchaseEarnings,
  type ClaimExtras,
  type Member,
  type PointsChoice,
  type PurchaseDoc,
  type VoucherDoc,
} from './member'
import { consentedPoints, requireLiveCode, type MemberCodeDoc } from './member-code'
import { claimed } from './purchase-status'
import { Refusal } from './refusal'
import type { Rules } from './rules'
import { requireUsable, usableVouchers } from './voucher-use'
import { voucherMultiplier } from './voucher-value'

export interface OrderInput {
  orderId: string
  amountFen: number
  lines?: OrderLine[]
}

/** A purchase a clerk opened, claimable until the rules' code minutes pass. */
export function openPurchase(id: string, order: OrderInput, issuedBy: string, multiplier: number, rules: Rules, now: Date): PurchaseDoc {
  return {
    _id: id,
    orderId: order.orderId,
    amountFen: order.amountFen,
    multiplier,
    issuedBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + rules.purchase.codeMinutes * 60_000),
    claimedBy: null,
    claimedAt: null,
    status: 'open',
    refundedFen: 0,
    ...(order.lines ? { lines: order.lines } : {}),
  }
}

/** What the shopper chose for a claim: points as cash, and a voucher (undefined: none; null: a code that names none). */
export interface ClaimChoice {
  points?: PointsChoice | undefined
  voucher?: VoucherDoc | null
}

/** What claiming would charge and earn, with the points and voucher chosen (none by default), and the vouchers usable on it; nothing changes. */
export function previewPurchase(
  stored: Member,
  purchase: PurchaseDoc,
  choice: ClaimChoice,
  held: readonly VoucherDoc[],
  rules: Rules,
  now: Date,
): PurchasePreview {
  claimed(purchase, now)
  const member = memberAsOf(stored, rules, now)
  const voucher = choice.voucher === undefined ? null : requireUsable(choice.voucher, member._id, purchase.amountFen, now)
  const bill = purchaseBill(member, purchase.amountFen, choice.points ?? 0, rules, null, voucher?.value ?? null)
  const earnings = purchaseEarnings(member, purchase, bill.payFen, rules, now, voucherMultiplier(voucher?.value ?? null))
  const { amountFen, tierDiscountFen, voucherOffFen, maxPoints, deductedFen, payFen } = bill
  return {
    amountFen,
    tierDiscountFen,
    voucherOffFen,
    maxPoints,
    pointsToUse: bill.pointsToUse,
    deductedFen,
    payFen,
    awardPreview: earnedTotal(earnings),
    vouchers: usableVouchers(held, member._id, amountFen, amountFen - tierDiscountFen, now),
    campaigns: earnings.campaigns,
  }
}

/** The clerk scanned the shopper's 会员码: the purchase is opened under that code and claimed for its member in one step. */
export function checkout(
  member: Member,
  code: MemberCodeDoc,
  order: OrderInput & { pointsToUse?: number },
  clerk: string,
  rules: Rules,
  now: Date,
  extras: ClaimExtras = {},
): ReturnType<typeof claimPurchase> & { code: MemberCodeDoc } {
  requireLiveCode(code, member.memberCode, now)
  // a clerk crediting their own till receipts is the classic points fraud
  if (member._id === clerk) throw new Refusal('PERMISSION_DENIED', '店员不能给自己的会员码结账')
  const choice = consentedPoints(code, order.pointsToUse)
  const outcome = claimPurchase(member, openPurchase(code._id, order, clerk, 1, rules, now), choice, rules, now, extras)
  return { ...outcome, code: { ...code, usedAt: now, orderId: order.orderId } }
}

/** The clerk's look before charging a scanned 会员码: the sums, with the points the shopper allowed, and the member's usable vouchers. */
export function previewCheckout(
  member: Member,
  code: MemberCodeDoc,
  order: OrderInput & { pointsToUse?: number },
  choice: ClaimChoice,
  held: readonly VoucherDoc[],
  rules: Rules,
  now: Date,
): PurchasePreview {
  requireLiveCode(code, member.memberCode, now)
  return previewPurchase(
    member,
    openPurchase(code._id, order, '', 1, rules, now),
    { ...choice, points: consentedPoints(code, order.pointsToUse) },
    held,
    rules,
    now,
  )
}
