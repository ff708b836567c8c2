/** Every rule number a page shows, from the merchant's rules: pages read them here and never write one themselves. */
import type { Rules, TierRule } from './rules'

export interface DisplayTier {
  id: string
  name: string
  /** Cumulative spend (yuan) or lifetime points that reach it. */
  minSpentYuan: number
  minPoints: number
  rate: number
  bonus: number
  monthlyFreeDelivery: number
  birthdayMultiplier: number
  discountPercent: number
  extras: string[]
}

export interface Display {
  timeZone: string
  signup: number
  checkIn: { daily: number; streakDays: number; streakBonus: number }
  profile: { birthday: number; address: number }
  tiers: DisplayTier[]
  lottery: { cost: number }
  share: { reward: number; dailyLimit: number }
  cash: { pointsPerYuan: number; maxPercent: number }
  birthday: { points: number; percentOff: number }
  firstPurchaseBonus: number
  expiryMonths: number
  voucherDays: number
}

export function displayOf(rules: Rules): Display {
  return {
    timeZone: rules.timeZone,
    signup: rules.signup,
    checkIn: { ...rules.checkIn },
    profile: { ...rules.profile },
    tiers: rules.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      minSpentYuan: t.minSpentFen / 100,
      minPoints: t.minPoints,
      rate: t.rate,
      bonus: t.bonus,
      monthlyFreeDelivery: t.monthlyFreeDelivery,
      birthdayMultiplier: t.birthdayMultiplier,
      discountPercent: t.discountPercent ?? 0,
      extras: [...t.extras],
    })),
    lottery: { cost: rules.lottery.cost },
    share: { reward: rules.share.reward, dailyLimit: rules.share.dailyLimit },
    cash: { ...rules.cash },
    birthday: { ...rules.birthday },
    firstPurchaseBonus: rules.purchase.firstBonus,
    expiryMonths: rules.expiry.months,
    voucherDays: rules.voucherDays,
  }
}

/** "20% off" reads 8 折 in Chinese (9.5 折 for 5%). */
export function zheOf(percentOff: number): string {
  return `${(100 - percentOff) / 10}`
}

/** The tier card's line for its discount, e.g. "金卡每单享9.5折"; empty when the tier has none. */
export function tierDiscountText(tier: TierRule): string {
  const percent = tier.discountPercent ?? 0
  return percent > 0 ? `${tier.name}每单享${zheOf(percent)}折` : ''
}
