/** Purchase maths in integer fen and points: no float drift. */
import type { Rules, TierRule } from './rules'

/** A tier rate such as 1.2 as an exact integer number of thousandths (1200). */
export function rateMille(rate: number): number {
  return Math.round(rate * 1000)
}

/** floor(payFen / 100 × rate × multiplier × birthday), computed on integers. */
export function pointsForPayment(payFen: number, tier: TierRule, multiplier: number, birthdayMonth: boolean): number {
  const birthday = birthdayMonth ? tier.birthdayMultiplier : 1
  return Math.floor((payFen * rateMille(tier.rate) * multiplier * birthday) / (100 * 1000))
}

export interface CashDeduction {
  /** Points taken from the balance. */
  points: number
  /** Fen they pay for. */
  fen: number
}

/** Points used as cash: `pointsPerYuan` points pay 1 yuan, at most `maxPercent` of the order. */
export function cashDeduction(amountFen: number, balance: number, rules: Rules): CashDeduction {
  const { pointsPerYuan, maxPercent } = rules.cash
  const maxFen = Math.floor((amountFen * maxPercent) / 100)
  const affordableFen = Math.floor((Math.max(0, balance) * 100) / pointsPerYuan)
  const fen = Math.min(maxFen, affordableFen)
  return { fen, points: Math.ceil((fen * pointsPerYuan) / 100) }
}
