/** The merchant's rules: one typed object with the brief's defaults, and the schema a stored rules document must pass. */
import { z } from 'zod'
import { DEFAULT_TIME_ZONE, isDay } from './calendar'
import { problemOf } from './input-errors'
import { isSafeKey, UNSAFE_KEY_MESSAGE } from './keys'

/** Any single award, fee or prize: 10 000 points is already 100 yuan at the default cash rate. */
const points = z.int('积分应为整数').min(0, '积分不能为负数').max(10_000, '单项积分最多 10000')

/** Points per yuan in the best case (top rate, birthday month): beyond this a purchase pays out more than a merchant could mean. */
const MAX_RATE = 20
/** The most points as cash may pay of a purchase, and the most a purchase's points may be worth in cash: half. */
const MAX_CASH_PERCENT = 50
/** The most a tier's discount may take off every order: half, like a birthday. */
const MAX_TIER_DISCOUNT = 50

/** Tier, prize and item ids key members' counts and the metrics' tallies. */
const ruleId = (max: number) => z.string().min(1).max(max).refine(isSafeKey, UNSAFE_KEY_MESSAGE)

const tierSchema = z
  .strictObject({
    id: ruleId(32),
    name: z.string().min(1).max(32),
    /** Reached by cumulative spend (fen) or lifetime earned points, whichever comes first. */
    minSpentFen: z.int().min(0).max(100_000_000_00),
    minPoints: z.int().min(0).max(100_000_000),
    /** Points per yuan paid, e.g. 1.2; kept to three decimals so the maths stays integer. */
    rate: z
      .number()
      .min(0.1, '每元积分倍率至少 0.1，否则消费几乎不得积分')
      .max(10, '每元积分倍率最多 10')
      .refine((r) => Number.isInteger(Math.round(r * 1000)) && Math.abs(r * 1000 - Math.round(r * 1000)) < 1e-6, '积分倍率最多三位小数'),
    /** Paid once when the tier is reached. */
    bonus: points,
    monthlyFreeDelivery: z.int().min(0).max(31),
    /** Multiplier on purchase points in the member's birthday month (1 = none). */
    birthdayMultiplier: z.int().min(1).max(10),
    extras: z.array(z.string().max(64)).max(10),
    /** Percent off every order for members of this tier (absent: none). */
    discountPercent: z
      .int('等级折扣应为整数')
      .min(0, '等级折扣不能为负数')
      .max(MAX_TIER_DISCOUNT, `等级折扣最多减 ${MAX_TIER_DISCOUNT}%（五折）`)
      .optional(),
  })
  .refine((t) => t.rate * t.birthdayMultiplier <= MAX_RATE, `积分倍率乘生日倍数最多 ${MAX_RATE}`)

const prizeSchema = z.strictObject({
  id: ruleId(32),
  name: z.string().min(1).max(32),
  weight: z.int().min(0, '抽中权重不能为负数').max(1_000_000),
  points: points.optional(),
  itemId: ruleId(64).optional(),
})

/** Defaults for rules added later, which documents saved before them lack. */
const SHARES_CREATED_PER_DAY = 20
const COUNTER_LIMITS = { maxOrderFen: 5000_00, codesPerHour: 120, maxRefundFen: 500_00 }
const REFERRAL = { inviterPoints: 100, inviteePoints: 50 }
const WINBACK = { afterDays: 0, itemId: '' }
const TIER_POLICY = { mode: 'lifetime' as const }

const ruleDay = z.string().max(10).refine(isDay, '日期应为 YYYY-MM-DD')
/** A campaign multiplies purchase points by at most this much: beyond it one order pays out more than a merchant could mean. */
const MAX_CAMPAIGN_MULTIPLIER = 5

const campaignSchema = z
  .strictObject({
    id: ruleId(32),
    name: z.string().min(1, '请填写活动名称').max(32, '活动名称最多 32 个字'),
    from: ruleDay,
    to: ruleDay,
    weekdays: z.array(z.int().min(1, '星期应为 1 到 7').max(7, '星期应为 1 到 7')).min(1).max(7).optional(),
    monthDays: z.array(z.int().min(1, '日期应为每月 1 到 31 号').max(31, '日期应为每月 1 到 31 号')).min(1).max(31).optional(),
    multiplier: z
      .int('活动积分倍数应为整数')
      .min(2, '活动积分倍数至少 2 倍')
      .max(MAX_CAMPAIGN_MULTIPLIER, `活动积分倍数最多 ${MAX_CAMPAIGN_MULTIPLIER} 倍`),
    /** Order line tags it weighs; absent: the whole order. */
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_.-]+$/, '商品类别只能包含字母、数字和 _ . -'),
      )
      .min(1)
      .max(20)
      .optional(),
    minTier: ruleId(32).optional(),
    capPoints: z.int('活动积分上限应为整数').min(1, '活动积分上限至少 1').max(100_000, '活动积分上限最多 100000').optional(),
  })
  .refine((c) => c.from <= c.to, '活动结束日期不能早于开始日期')

const lotterySchema = z
  .strictObject({
    cost: points,
    prizes: z.array(prizeSchema).max(20),
    /** Merchant days the lottery is open, both included (absent: always). */
    from: ruleDay.optional(),
    to: ruleDay.optional(),
    perDay: z.int('每天抽奖次数应为整数').min(1, '每天抽奖次数至少 1 次').max(1000, '每天抽奖次数最多 1000 次').optional(),
  })
  .refine((l) => l.cost >= 1 || l.prizes.every((p) => !p.points && !p.itemId), '有积分或商品奖品时，每次抽奖至少消耗 1 积分')
  .refine((l) => l.prizes.length === 0 || l.prizes.some((p) => p.weight > 0), '至少要有一个奖品的抽中权重大于 0')
  .refine((l) => l.cost === 0 || expectedPrizePoints(l.prizes) < l.cost, '抽奖平均送出的积分必须少于每次消耗的积分')
  .refine((l) => !l.from || !l.to || l.from <= l.to, '抽奖结束日期不能早于开始日期')

export const rulesSchema = z
  .strictObject({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, '时区无效'),
    signup: points,
    profile: z.strictObject({ birthday: points, address: points }),
    checkIn: z.strictObject({ daily: points, streakDays: z.int().min(1).max(366), streakBonus: points }),
    purchase: z.strictObject({
      firstBonus: points,
      codeMinutes: z
        .int()
        .min(1)
        .max(24 * 60),
      maxMultiplier: z.int().min(1).max(10),
      /** 首单双倍 is 2: the first purchase's points × this (campaigns beside it use the largest, never the product). */
      firstMultiplier: z
        .int('首单积分倍数应为整数')
        .min(1, '首单积分倍数至少 1 倍')
        .max(MAX_CAMPAIGN_MULTIPLIER, `首单积分倍数最多 ${MAX_CAMPAIGN_MULTIPLIER} 倍`)
        .default(1),
    }),
    /** Ordered from the lowest; the first must need nothing. */
    tiers: z
      .array(tierSchema)
      .min(1)
      .max(10)
      .refine((t) => t[0]?.minSpentFen === 0 && t[0]?.minPoints === 0, '第一个等级必须没有门槛')
      .refine(
        (t) => t.every((x, i) => i === 0 || (x.minSpentFen > t[i - 1]!.minSpentFen && x.minPoints > t[i - 1]!.minPoints)),
        '等级门槛必须逐级升高',
      )
      .refine((t) => new Set(t.map((x) => x.id)).size === t.length, '等级编号不能重复'),
    cash: z.strictObject({
      pointsPerYuan: z.int().min(1).max(10_000),
      maxPercent: z.int().min(0).max(MAX_CASH_PERCENT, `积分抵现最多抵付 ${MAX_CASH_PERCENT}%`),
    }),
    expiry: z.strictObject({ months: z.int().min(1).max(120), remindDays: z.array(z.int().min(1).max(60)).max(5) }),
    birthday: z.strictObject({ points, percentOff: z.int().min(0).max(50, '生日折扣最多减 50%（五折）') }),
    share: z.strictObject({
      reward: points,
      dailyLimit: z.int().min(0).max(1000),
      createLimit: z.int().min(1).max(1000).default(SHARES_CREATED_PER_DAY),
    }),
    lottery: lotterySchema,
    voucherDays: z.int().min(1).max(3650),
    /** Limits at the till (an admin is not limited): the largest order a clerk may issue, codes per clerk per hour, the largest refund without an admin. */
    counter: z
      .strictObject({
        maxOrderFen: z.int().min(1_00, '单笔订单上限至少 1 元').max(1_000_000_00, '单笔订单上限最多 100 万元'),
        codesPerHour: z.int().min(1, '每小时积分码数量至少 1 个').max(1000, '每小时积分码数量最多 1000 个'),
        maxRefundFen: z.int().min(0, '店员退款上限不能为负数').max(1_000_000_00, '店员退款上限最多 100 万元'),
      })
      // rules stored before the counter limits existed keep working
      .default(COUNTER_LIMITS),
    campaigns: z
      .array(campaignSchema)
      .max(20, '活动最多 20 个')
      .refine((c) => new Set(c.map((x) => x.id)).size === c.length, '活动编号不能重复')
      .default([]),
    /** Paid once, to both, when an invited friend's first purchase is claimed. */
    referral: z.strictObject({ inviterPoints: points, inviteePoints: points }).default(REFERRAL),
    /** A voucher of `itemId` for members with no purchase in `afterDays` (0: off). */
    winback: z
      .strictObject({
        afterDays: z.int('天数应为整数').min(0, '天数不能为负数').max(3650, '天数最多 3650 天'),
        itemId: z.union([z.literal(''), ruleId(64)]),
      })
      .refine((w) => w.afterDays === 0 || w.itemId !== '', '开启召回时请选择要送的券')
      .default(WINBACK),
    tierPolicy: z
      .discriminatedUnion('mode', [
        z.strictObject({ mode: z.literal('lifetime') }),
        z.strictObject({ mode: z.literal('rolling'), months: z.int('月数应为整数').min(1, '至少按 1 个月计算').max(60, '最多按 60 个月计算') }),
      ])
      .default(TIER_POLICY),
  })
  .refine((r) => r.campaigns.every((c) => !c.minTier || r.tiers.some((t) => t.id === c.minTier)), {
    message: '活动的最低等级不在会员等级中',
    path: ['campaigns'],
  })
  .refine(cashBackWithinHalf, `最高积分倍率（含生日和积分码倍数）折算成现金，不能超过消费额的 ${MAX_CASH_PERCENT}%`)

export type Rules = z.infer<typeof rulesSchema>
export type TierRule = Rules['tiers'][number]

export const DEFAULT_RULES: Rules = {
  timeZone: DEFAULT_TIME_ZONE,
  signup: 100,
  profile: { birthday: 50, address: 30 },
  checkIn: { daily: 5, streakDays: 7, streakBonus: 20 },
  purchase: { firstBonus: 50, codeMinutes: 10, maxMultiplier: 3, firstMultiplier: 1 },
  tiers: [
    { id: 'normal', name: '普通会员', minSpentFen: 0, minPoints: 0, rate: 1.0, bonus: 0, monthlyFreeDelivery: 0, birthdayMultiplier: 1, extras: [] },
    {
      id: 'silver',
      name: '银卡',
      minSpentFen: 1000_00,
      minPoints: 1000,
      rate: 1.2,
      bonus: 100,
      monthlyFreeDelivery: 1,
      birthdayMultiplier: 1,
      extras: [],
    },
    {
      id: 'gold',
      name: '金卡',
      minSpentFen: 5000_00,
      minPoints: 5000,
      rate: 1.5,
      bonus: 500,
      monthlyFreeDelivery: 2,
      birthdayMultiplier: 2,
      extras: ['生日月双倍积分'],
    },
    {
      id: 'diamond',
      name: '钻石卡',
      minSpentFen: 20000_00,
      minPoints: 20000,
      rate: 2.0,
      bonus: 2000,
      monthlyFreeDelivery: 3,
      birthdayMultiplier: 2,
      extras: ['生日月双倍积分', '生日免单券', '专属客服'],
    },
  ],
  cash: { pointsPerYuan: 100, maxPercent: 10 },
  expiry: { months: 12, remindDays: [7, 3, 1] },
  birthday: { points: 500, percentOff: 20 },
  share: { reward: 5, dailyLimit: 10, createLimit: SHARES_CREATED_PER_DAY },
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
  counter: COUNTER_LIMITS,
  campaigns: [],
  referral: REFERRAL,
  winback: WINBACK,
  tierPolicy: TIER_POLICY,
}

/** Short names of the rules, so a refusal says which one in the merchant's words. */
export const RULE_NAMES: Record<string, string> = {
  timeZone: '时区',
  signup: '注册奖励',
  profile: '完善资料奖励',
  checkIn: '签到奖励',
  purchase: '消费积分',
  tiers: '会员等级',
  cash: '积分抵现',
  expiry: '积分有效期',
  birthday: '生日礼遇',
  share: '分享奖励',
  lottery: '抽奖',
  voucherDays: '兑换券有效期',
  counter: '收银限制',
  campaigns: '积分活动',
  referral: '邀请有礼',
  winback: '沉睡会员召回',
  tierPolicy: '等级保级',
}

/** Which rule a refusal is about: its short name, with the tier or prize counted from 1. */
function ruleNameOf(path: readonly PropertyKey[]): string {
  const [head, second, third] = path
  const name = typeof head === 'string' && Object.hasOwn(RULE_NAMES, head) ? RULE_NAMES[head]! : ''
  if (typeof second === 'number') return `${name}（第 ${second + 1} 个）`
  if (second === 'prizes' && typeof third === 'number') return `${name}奖品（第 ${third + 1} 个）`
  return name
}

/** A refused rules document in one plain sentence: which rule and why, never a field path. */
export function rulesProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '规则不正确'
  const name = ruleNameOf(issue.path)
  return `规则不正确：${name ? `${name}，` : ''}${issue.message}`
}

/** The rules as an action's argument: a refusal is already the sentence the merchant reads, and names the rule's path apart from it. */
export const rulesArgument = z.unknown().transform((value, ctx): Rules => {
  const parsed = rulesSchema.safeParse(value, { error: (issue) => problemOf(issue) })
  if (parsed.success) return parsed.data
  ctx.issues.push({ code: 'custom', message: rulesProblem(parsed.error), input: value, path: [...(parsed.error.issues[0]?.path ?? [])] })
  return z.NEVER
})

/** One problem of a rules draft: the dotted path of the rule (`tiers.1.rate`; '' for the rules as a whole) and why, in Chinese. */
export interface RuleIssue {
  path: string
  message: string
}

/** Every problem of a rules draft, by the same schema and words the server uses; empty when it would be saved. */
export function rulesIssues(draft: unknown): RuleIssue[] {
  const parsed = rulesSchema.safeParse(draft, { error: (issue) => problemOf(issue) })
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/** The rules to apply: a stored document that passes the schema, otherwise the defaults. */
export function resolveRules(stored: unknown): Rules {
  return readRules(stored).rules
}

/** The rules to apply, and why a stored document was set aside for the defaults (e.g. saved before a bound existed), or null. */
export function readRules(stored: unknown): { rules: Rules; problem: string | null } {
  if (!stored || typeof stored !== 'object') return { rules: DEFAULT_RULES, problem: null }
  const { _id: _ignored, updatedAt: _at, ...rest } = stored as Record<string, unknown>
  const parsed = rulesSchema.safeParse(rest, { error: (issue) => problemOf(issue) })
  return parsed.success ? { rules: parsed.data, problem: null } : { rules: DEFAULT_RULES, problem: rulesProblem(parsed.error) }
}

/** Points a draw pays out on average. */
function expectedPrizePoints(prizes: ReadonlyArray<{ weight: number; points?: number | undefined }>): number {
  const total = prizes.reduce((s, p) => s + p.weight, 0)
  return total === 0 ? 0 : prizes.reduce((s, p) => s + p.weight * (p.points ?? 0), 0) / total
}

/** The best-case points of one yuan (top rate, birthday month, the largest code multiplier), in cash, stay below half a yuan. */
function cashBackWithinHalf(r: {
  tiers: ReadonlyArray<{ rate: number; birthdayMultiplier: number }>
  purchase: { maxMultiplier: number }
  cash: { pointsPerYuan: number }
}): boolean {
  const best = Math.max(...r.tiers.map((t) => t.rate * t.birthdayMultiplier)) * r.purchase.maxMultiplier
  return best / r.cash.pointsPerYuan <= MAX_CASH_PERCENT / 100
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
