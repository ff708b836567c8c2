/** What a purchase costs, in the contract's order: amount → tier discount → voucher → points as cash → pay. Integer fen and points. */
import type { Rules, TierRule } from './rules'
import { voucherOffFen as offOf, type VoucherValue } from './voucher-value'

export interface BillInput {
  amountFen: number
  tier: TierRule
  /** The voucher's value, which takes off part of what the tier discount leaves. */
  voucher?: VoucherValue | null
  /** Or a fixed amount a voucher takes off. */
  voucherOffFen?: number
  /** The member's balance: points as cash can never exceed it. */
  balance: number
  /** Points the shopper chose to use: a number, or `'all'` for as many as allowed. */
  pointsToUse: number | 'all'
  /** A cap the shopper set elsewhere (the 会员码's consent), if any. */
  capPoints?: number | null
}

export interface Bill {
  amountFen: number
  tierDiscountFen: number
  voucherOffFen: number
  /** The most points this order can take as cash. */
  maxPoints: number
  /** The points actually used (never more than chosen, nor than `maxPoints`). */
  pointsToUse: number
  /** Fen those points pay for. */
  deductedFen: number
  payFen: number
}

/** Fen that `points` pay for, rounded down: a point never buys a fraction of a fen. */
const fenOfPoints = (points: number, rules: Rules): number => Math.floor((points * 100) / rules.cash.pointsPerYuan)
/** The fewest points that pay `fen`. */
const pointsOfFen = (fen: number, rules: Rules): number => Math.ceil((fen * rules.cash.pointsPerYuan) / 100)

/** Points as cash pay at most the rules' share of what is left after the discounts. */
export function billFor(input: BillInput, rules: Rules): Bill {
  const { amountFen, tier } = input
  const tierDiscountFen = Math.floor((amountFen * (tier.discountPercent ?? 0)) / 100)
  const afterTierFen = amountFen - tierDiscountFen
  const offFen = input.voucher ? offOf(input.voucher, afterTierFen) : (input.voucherOffFen ?? 0)
  const voucherOffFen = Math.min(Math.max(0, offFen), afterTierFen)
  const leftFen = amountFen - tierDiscountFen - voucherOffFen
  const shareFen = Math.floor((leftFen * rules.cash.maxPercent) / 100)
  const maxPoints = pointsOfFen(Math.min(shareFen, fenOfPoints(pointsAllowed(input), rules)), rules)
  const chosen = input.pointsToUse === 'all' ? maxPoints : Math.min(maxPoints, Math.max(0, input.pointsToUse))
  const deductedFen = fenOfPoints(chosen, rules)
  return {
    amountFen,
    tierDiscountFen,
    voucherOffFen,
    maxPoints,
    // points that would only pay a fraction of a fen stay with the shopper
    pointsToUse: pointsOfFen(deductedFen, rules),
    deductedFen,
    payFen: leftFen - deductedFen,
  }
}

function pointsAllowed(input: BillInput): number {
  const balance = Math.max(0, input.balance)
  return input.capPoints == null ? balance : Math.min(balance, Math.max(0, input.capPoints))
}
