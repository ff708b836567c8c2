/** The till: opening a purchase, the shopper's preview of it, and the clerk's checkout of a scanned 会员码 (open and claim at once). */
import type { OrderLine, PurchasePreview } from './api'
import { claimPurchase, memberAsOf, purchaseBill, purchaseEarnings, type ClaimAnswer, type Member, type Outcome, type PurchaseDoc } from './member'
import { consentedPoints, requireLiveCode, type MemberCodeDoc } from './member-code'
import { claimed } from './purchase-status'
import { Refusal } from './refusal'
import type { Rules } from './rules'

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

/** What claiming would charge and earn, with `pointsToUse` (none by default); nothing changes. */
export function previewPurchase(stored: Member, purchase: PurchaseDoc, pointsToUse: number | undefined, rules: Rules, now: Date): PurchasePreview {
  claimed(purchase, now)
  const member = memberAsOf(stored, rules, now)
  const bill = purchaseBill(member, purchase.amountFen, pointsToUse ?? 0, rules)
  const earnings = purchaseEarnings(member, bill.payFen, purchase.multiplier, rules, now)
  const { amountFen, tierDiscountFen, voucherOffFen, maxPoints, deductedFen, payFen } = bill
  return { amountFen, tierDiscountFen, voucherOffFen, maxPoints, pointsToUse: bill.pointsToUse, deductedFen, payFen, awardPreview: earnings.points + earnings.firstBonus }
}

/** The clerk scanned the shopper's 会员码: the purchase is opened under that code and claimed for its member in one step. */
export function checkout(
  member: Member,
  code: MemberCodeDoc,
  order: OrderInput & { pointsToUse?: number },
  clerk: string,
  rules: Rules,
  now: Date,
): Outcome<ClaimAnswer> & { purchase: PurchaseDoc; code: MemberCodeDoc } {
  requireLiveCode(code, member.memberCode, now)
  // a clerk crediting their own till receipts is the classic points fraud
  if (member._id === clerk) throw new Refusal('PERMISSION_DENIED', '店员不能给自己的会员码结账')
  const choice = consentedPoints(code, order.pointsToUse)
  const outcome = claimPurchase(member, openPurchase(code._id, order, clerk, 1, rules, now), choice, rules, now)
  return { ...outcome, code: { ...code, usedAt: now, orderId: order.orderId } }
}
