/** One strict schema per action: bounded strings, sane integer ranges, no unknown fields. Its type is the handler's argument type. */
import { z } from 'zod'
import { isDay, isMonth } from './calendar'
import { CODE_PATTERN, MEMBER_CODE_PATTERN, normalizeCode } from './codes'
import { isSafeKey, UNSAFE_KEY_MESSAGE } from './keys'
import { PROFILE_MAX } from './profile-limits'
import { rulesArgument } from './rules'
import { subscriptionKinds } from './subscriptions'
import { voucherValueSchema } from './voucher-value'

/** Ids end up inside document ids such as `redeem:<openid>:<requestId>`, so no separators or spaces; and as keys of objects. */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字和 _ . -')
  .refine(isSafeKey, UNSAFE_KEY_MESSAGE)
/** A voucher or purchase code as scanned or typed: grouped, lower-case or with O for 0, it reads as the stored code. */
const code = z.string().max(40).transform(normalizeCode).pipe(z.string().regex(CODE_PATTERN, '码无效，请检查后重新输入'))
const day = z.string().max(10).refine(isDay, '请选择正确的日期')
const month = z.string().max(7).refine(isMonth, '请选择正确的月份')
const text = (max: number) => z.string().trim().min(1).max(max)
const none = z.strictObject({})
const fen = z.int().min(1).max(100_000_000)
const pointsToUse = z.int().min(0).max(100_000_000)
/** A 会员码 as scanned or typed: the spaces and dashes of its groups are dropped. */
const memberCodeInput = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(MEMBER_CODE_PATTERN, '会员码应为 20 位数字'))
/** Parts of an order a campaign may weigh; they add up to at most the order. */
const lines = z
  .array(z.strictObject({ tag: id, amountFen: fen }))
  .min(1)
  .max(50)
const linesFit = (a: { amountFen: number; lines?: { amountFen: number }[] }) =>
  !a.lines || a.lines.reduce((s, l) => s + l.amountFen, 0) <= a.amountFen
const LINES_TOO_BIG = '明细金额之和不能超过订单金额'

export const itemKinds = ['coupon', 'goods', 'privilege'] as const
export const voucherStatuses = ['pending', 'fulfilled', 'rejected', 'expired'] as const
export { subscriptionKinds }
/** What an audit entry records: each staff or admin change. */
export const auditKinds = [
  'issuePurchase',
  'checkout',
  'fulfilVoucher',
  'rejectVoucher',
  'refund',
  'saveItem',
  'rules',
  'adjust',
  'freeze',
  'inviteStaff',
  'joinStaff',
  'removeStaff',
] as const
export const staffRoles = ['staff', 'admin'] as const
export const exportKinds = ['ledger', 'members', 'purchases'] as const
/** A history filter: points in (收入) or points out (支出). */
export const ledgerDirections = ['in', 'out'] as const

/** An instant as ISO-8601 with its offset or Z (a sale window's ends). */
const instant = z.iso.datetime({ offset: true })
/** A cloud storage file ID, as `uploadFile` answers it. */
const fileId = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^\s]+$/, '图片文件无效')
/** The owner's search box: a member number, a nickname or an OPENID. */
const memberQuery = z.string().trim().min(1).max(64)
const openid = z.string().min(1).max(128).refine(isSafeKey, UNSAFE_KEY_MESSAGE)

export const itemInput = z
  .strictObject({
    id,
    name: text(32),
    kind: z.enum(itemKinds),
    points: z.int().min(1).max(1_000_000),
    stock: z.int().min(0).max(1_000_000),
    validDays: z.int().min(1).max(3650).optional(),
    perMemberLimit: z.int().min(1).max(1000).optional(),
    active: z.boolean().optional(),
    image: fileId.optional(),
    description: z.string().trim().max(500).optional(),
    minTier: id.optional(),
    saleStart: instant.optional(),
    saleEnd: instant.optional(),
    value: voucherValueSchema.optional(),
  })
  .refine((i) => !i.saleStart || !i.saleEnd || Date.parse(i.saleStart) < Date.parse(i.saleEnd), '秒杀结束时间应晚于开始时间')

export const schemas = {
  member: {
    login: none,
    summary: none,
    updateProfile: z
      .strictObject({ nickname: text(PROFILE_MAX.nickname).optional(), birthday: day.optional(), address: text(PROFILE_MAX.address).optional() })
      .refine((a) => a.nickname !== undefined || a.birthday !== undefined || a.address !== undefined, '请至少填写一项'),
    ledger: z.strictObject({
      cursor: z.string().min(1).max(300).nullable().optional(),
      limit: z.int().min(1).max(50).optional(),
      direction: z.enum(ledgerDirections).optional(),
    }),
    subscribe: z.strictObject({ kinds: z.array(z.enum(subscriptionKinds)).min(1).max(5) }),
    deleteAccount: none,
    memberCode: z.strictObject({ allowPoints: z.boolean().optional(), maxPoints: pointsToUse.optional() }),
    /** An invite's code, or the owner's claim code (any text the merchant chose). */
    joinStaff: z.strictObject({ code: z.string().trim().min(1).max(128) }),
  },
  checkin: {
    checkIn: none,
    calendar: z.strictObject({ month }),
  },
  exchange: {
    catalog: none,
    redeem: z.strictObject({ itemId: id, requestId: id }),
    vouchers: z.strictObject({ status: z.enum(voucherStatuses).optional() }),
    draw: z.strictObject({ requestId: id }),
    lottery: none,
  },
  share: {
    create: z.strictObject({ itemId: id.optional() }),
    open: z.strictObject({ shareId: code }),
  },
  store: {
    issuePurchase: z
      .strictObject({
        orderId: id,
        amountFen: z.int().min(1).max(100_000_000),
        multiplier: z.int().min(1).max(3).optional(),
        lines: lines.optional(),
      })
      .refine(linesFit, LINES_TOO_BIG),
    checkout: z
      .strictObject({
        orderId: id,
        amountFen: fen,
        memberCode: memberCodeInput,
        pointsToUse: pointsToUse.optional(),
        voucherCode: code.optional(),
        lines: lines.optional(),
      })
      .refine(linesFit, LINES_TOO_BIG),
    checkoutPreview: z
      .strictObject({
        amountFen: fen,
        memberCode: memberCodeInput,
        pointsToUse: pointsToUse.optional(),
        voucherCode: code.optional(),
        lines: lines.optional(),
      })
      .refine(linesFit, LINES_TOO_BIG),
    previewPurchase: z.strictObject({ code, pointsToUse: pointsToUse.optional(), voucherCode: code.optional() }),
    claimPurchase: z.strictObject({ code, usePoints: z.boolean().optional(), pointsToUse: pointsToUse.optional(), voucherCode: code.optional() }),
    purchase: z.strictObject({ orderId: id }),
    refund: z.strictObject({ orderId: id, refundId: id, amountFen: fen }),
    audit: z.strictObject({
      cursor: z.string().min(1).max(300).nullable().optional(),
      limit: z.int().min(1).max(100).optional(),
      actor: z.string().min(1).max(128).optional(),
      kind: z.enum(auditKinds).optional(),
    }),
    lookupVoucher: z.strictObject({ code }),
    fulfilVoucher: z.strictObject({ code }),
    rejectVoucher: z.strictObject({ code, reason: text(200) }),
    metrics: z.strictObject({ from: day, to: day }),
    findMembers: z.strictObject({
      query: memberQuery.optional(),
      cursor: z.string().min(1).max(300).nullable().optional(),
      limit: z.int().min(1).max(50).optional(),
    }),
    memberDetail: z.strictObject({ openid }),
    memberLedger: z.strictObject({ openid, cursor: z.string().min(1).max(300).nullable().optional(), limit: z.int().min(1).max(50).optional() }),
    adjust: z.strictObject({
      openid,
      delta: z
        .int()
        .min(-1_000_000)
        .max(1_000_000)
        .refine((d) => d !== 0, '调整积分不能为 0'),
      reason: text(200),
      requestId: id,
    }),
    freeze: z.strictObject({ openid, frozen: z.boolean(), reason: text(200) }),
    inviteStaff: z.strictObject({ role: z.enum(staffRoles), name: text(32) }),
    staffList: none,
    removeStaff: z.strictObject({ openid }),
    exportCsv: z.strictObject({ what: z.enum(exportKinds), from: day, to: day }),
    saveItem: z.strictObject({ item: itemInput }),
    items: none,
    rules: z.strictObject({ rules: rulesArgument.optional() }),
  },
  expiry: {
    /** The timer trigger's event, its platform fields removed; anything more it carries is the platform's, so not refused. */
    daily: z.object({}),
    /** The daily job run by hand by an admin, optionally with a smaller time budget, optionally continuing itself until done. */
    run: z.strictObject({ budgetMs: z.int().min(100).max(55_000).optional(), chain: z.boolean().optional() }),
    /** The job handing the rest of a sweep to a fresh run of itself. */
    continue: z.strictObject({ hop: z.int().min(1).max(100), budgetMs: z.int().min(100).max(55_000) }),
  },
} as const

export type Schemas = typeof schemas
/** The validated arguments of `fn.action`. */
export type ArgsOf<F extends keyof Schemas, A extends keyof Schemas[F]> = Schemas[F][A] extends z.ZodType ? z.infer<Schemas[F][A]> : never
