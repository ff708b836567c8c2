/** The merchant's rules: one typed object with the brief's defaults, and the schema a stored rules document must pass. */
import { z } from 'zod'
import { DEFAULT_TIME_ZONE } from './calendar'

const points = z.int().min(0).max(1_000_000)

const tierSchema = z.strictObject({
  id: z.string().min(1).max(32),
  name: z.string().min(1).max(32),
  /** Reached by cumulative spend (fen) or lifetime earned points, whichever comes first. */
  minSpentFen: z.int().min(0).max(100_000_000_00),
  minPoints: z.int().min(0).max(100_000_000),
  /** Points per yuan paid, e.g. 1.2; kept to three decimals so the maths stays integer. */
  rate: z.number().min(0).max(100).refine((r) => Number.isInteger(Math.round(r * 1000)) && Math.abs(r * 1000 - Math.round(r * 1000)) < 1e-6, 'at most three decimals'),
  /** Paid once when the tier is reached. */
  bonus: points,
  monthlyFreeDelivery: z.int().min(0).max(31),
  /** Multiplier on purchase points in the member's birthday month (1 = none). */
  birthdayMultiplier: z.int().min(1).max(10),
  extras: z.array(z.string().max(64)).max(10),
  /** Percent off every order for members of this tier (absent: none). */
  discountPercent: z.int().min(0).max(100).optional(),
})

const prizeSchema = z.strictObject({
  id: z.string().min(1).max(32),
  name: z.string().min(1).max(32),
  weight: z.int().min(0).max(1_000_000),
  points: points.optional(),
  itemId: z.string().min(1).max(64).optional(),
})

export const rulesSchema = z.strictObject({
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'unknown time zone'),
  signup: points,
  profile: z.strictObject({ birthday: points, address: points }),
  checkIn: z.strictObject({ daily: points, streakDays: z.int().min(1).max(366), streakBonus: points }),
  purchase: z.strictObject({
    firstBonus: points,
    codeMinutes: z.int().min(1).max(24 * 60),
    maxMultiplier: z.int().min(1).max(10),
  }),
  /** Ordered from the lowest; the first must need nothing. */
  tiers: z
    .array(tierSchema)
    .min(1)
    .max(10)
    .refine((t) => t[0]?.minSpentFen === 0 && t[0]?.minPoints === 0, 'the first tier must need nothing')
    .refine((t) => t.every((x, i) => i === 0 || (x.minSpentFen > t[i - 1]!.minSpentFen && x.minPoints > t[i - 1]!.minPoints)), 'tiers must rise')
    .refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'tier ids must differ'),
  cash: z.strictObject({ pointsPerYuan: z.int().min(1).max(10_000), maxPercent: z.int().min(0).max(100) }),
  expiry: z.strictObject({ months: z.int().min(1).max(120), remindDays: z.array(z.int().min(1).max(60)).max(5) }),
  birthday: z.strictObject({ points, percentOff: z.int().min(0).max(100) }),
  share: z.strictObject({ reward: points, dailyLimit: z.int().min(0).max(1000) }),
  lottery: z.strictObject({ cost: points, prizes: z.array(prizeSchema).max(20) }),
  voucherDays: z.int().min(1).max(3650),
  /** Limits at the till: the largest order a clerk may issue, codes per clerk per hour, the largest refund without an admin. */
  counter: z.strictObject({
    maxOrderFen: z.int().min(1).max(100_000_000),
    codesPerHour: z.int().min(1).max(10_000),
    maxRefundFen: z.int().min(0).max(100_000_000),
  })
    // rules stored before the counter limits existed keep working
    .default({ maxOrderFen: 5_000_00, codesPerHour: 60, maxRefundFen: 500_00 }),
})

export type Rules = z.infer<typeof rulesSchema>
export type TierRule = Rules['tiers'][number]

export const DEFAULT_RULES: Rules = {
  timeZone: DEFAULT_TIME_ZONE,
  signup: 100,
  profile: { birthday: 50, address: 30 },
  checkIn: { daily: 5, streakDays: 7, streakBonus: 20 },
  purchase: { firstBonus: 50, codeMinutes: 10, maxMultiplier: 3 },
  tiers: [
    { id: 'normal', name: '普通会员', minSpentFen: 0, minPoints: 0, rate: 1.0, bonus: 0, monthlyFreeDelivery: 0, birthdayMultiplier: 1, extras: [] },
    { id: 'silver', name: '银卡', minSpentFen: 1000_00, minPoints: 1000, rate: 1.2, bonus: 100, monthlyFreeDelivery: 1, birthdayMultiplier: 1, extras: [] },
    { id: 'gold', name: '金卡', minSpentFen: 5000_00, minPoints: 5000, rate: 1.5, bonus: 500, monthlyFreeDelivery: 2, birthdayMultiplier: 2, extras: ['生日月双倍积分'] },
    { id: 'diamond', name: '钻石卡', minSpentFen: 20000_00, minPoints: 20000, rate: 2.0, bonus: 2000, monthlyFreeDelivery: 3, birthdayMultiplier: 2, extras: ['生日月双倍积分', '生日免单券', '专属客服'] },
  ],
  cash: { pointsPerYuan: 100, maxPercent: 10 },
  expiry: { months: 12, remindDays: [7, 3, 1] },
  birthday: { points: 500, percentOff: 20 },
  share: { reward: 5, dailyLimit: 10 },
  lottery: {
    cost: 100,
    prizes: [
      { id: 'none', name: '谢谢参与', weight: 60 },
      { id: 'points_50', name: '50 积分', weight: 30, points: 50 },
      { id: 'points_200', name: '200 积分', weight: 9, points: 200 },
      { id: 'coffee', name: '中杯咖啡', weight: 1, itemId: 'coffee' },
    ],
  },
  voucherDays: 30,
  counter: { maxOrderFen: 5_000_00, codesPerHour: 60, maxRefundFen: 500_00 },
}

/** The rules to apply: a stored document that passes the schema, otherwise the defaults. */
export function resolveRules(stored: unknown): Rules {
  if (stored && typeof stored === 'object') {
    const { _id: _ignored, updatedAt: _at, ...rest } = stored as Record<string, unknown>
    const parsed = rulesSchema.safeParse(rest)
    if (parsed.success) return parsed.data
  }
  return DEFAULT_RULES
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
