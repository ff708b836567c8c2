/** Purchase maths in integer fen and points: no float drift. */
import type { TierRule } from './rules'

/** A tier rate such as 1.2 as an exact integer number of thousandths (1200). */
export function rateMille(rate: number): number {
  return Math.round(rate * 1000)
}

/** floor(payFen / 100 × rate × multiplier × birthday), computed on integers. */
export function pointsForPayment(payFen: number, tier: TierRule, multiplier: number, birthdayMonth: boolean): number {
  const birthday = birthdayMonth ? tier.birthdayMultiplier : 1
  return Math.floor((payFen * rateMille(tier.rate) * multiplier * birthday) / (100 * 1000))
}
