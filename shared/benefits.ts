/** Periodic benefits: the birthday gift (points and vouchers, once a year) and each tier's monthly free-delivery vouchers (once a month). */
import type { ItemKind } from './api'
import { endOfMonth, monthNumberOf, monthOf } from './calendar'
import { zheOf } from './display'
import type { SubscribeMessage } from './expiry'
import { Posting, type Item, type Member, type Outcome, type VoucherDoc } from './member'
import type { Rules } from './rules'
import type { VoucherValue } from './voucher-value'
import { tierHeld } from './tiers'
import { judgementAt, tierJudgement, tierNoticeAt, type TierNotice } from './tier-policy'
import { countOf, withCount } from './keys'

/** Periods already granted, kept on the member so the job's query skips them (the grant document is the guard). */
export interface Granted {
  /** `YYYY` of the last birthday gift. */
  birthday?: string
  /** `YYYY-MM` of the last monthly vouchers. */
  monthly?: string
  /** `YYYY-MM` of the last rolling tier judgement, and of the judgement last noticed. */
  tierJudged?: string
  tierNotice?: string
}

export type BenefitMember = Member & { granted?: Granted }

export { zheOf }

/** The tier extra that brings a birthday free-order voucher. */
export const FREE_ORDER_EXTRA = '生日免单券'

export const grantIds = {
  birthday: (openid: string, year: string) => `birthday:${openid}:${year}`,
  monthly: (openid: string, month: string) => `monthly:${openid}:${month}`,
  winback: (openid: string, quietSince: Date) => `winback:${openid}:${quietSince.toISOString()}`,
  tiers: (openid: string, month: string) => `tiers:${openid}:${month}`,
  tierNotice: (openid: string, month: string) => `tierNotice:${openid}:${month}`,
}

export type BenefitKind = keyof typeof grantIds

export interface GiftAnswer {
  grantId: string
  vouchers: VoucherDoc[]
  /** A tier change coming, for the message. */
  notice?: TierNotice
}

export type GiftOutcome = Outcome<GiftAnswer> & { member: BenefitMember }

interface VoucherSpec {
  itemId: string
  name: string
  kind: ItemKind
  expiresAt: Date
  value?: VoucherValue
}

/** The most the diamond birthday free-order voucher takes off one order. */
export const BIRTHDAY_FREE_ORDER_MAX_FEN = 200_00

function giftVoucher(openid: string, spec: VoucherSpec, grantId: string, code: string, now: Date): VoucherDoc {
  return { _id: code, openid, ...spec, points: 0, status: 'pending', requestId: grantId, createdAt: now, expiresAt: spec.expiresAt, updatedAt: now }
}

/** The birthday gift when `now` is in the member's birthday month and this year's gift is not given yet; otherwise null. */
export function birthdayGift(member: BenefitMember, rules: Rules, now: Date, newCode: () => string): GiftOutcome | null {
  const month = monthOf(now, rules.timeZone)
  const year = month.slice(0, 4)
  if (member.birthdayMonth === null || member.birthdayMonth !== monthNumberOf(`${month}-01`)) return null
  if (member.granted?.birthday === year) return null
  // a frozen member earns nothing; the gift waits for this month's run after unfreezing
  if (member.frozen) return null
  const grantId = grantIds.birthday(member._id, year)
  const p = new Posting(member, rules, now)
  const m = p.member as BenefitMember
  m.granted = { ...member.granted, birthday: year }
  p.credit(grantId, 'birthday', `生日月礼遇，奖励 ${rules.birthday.points} 积分`, rules.birthday.points)
  const expiresAt = new Date(now.getTime() + rules.voucherDays * 86_400_000)
  const specs: VoucherSpec[] = []
  if (rules.birthday.percentOff > 0)
    specs.push({
      itemId: 'gift_birthday_discount',
      name: `生日${zheOf(rules.birthday.percentOff)}折券`,
      kind: 'coupon',
      expiresAt,
      value: { type: 'percentOff', percent: rules.birthday.percentOff },
    })
  if (tierHeld(rules, member).extras.includes(FREE_ORDER_EXTRA))
    specs.push({
      itemId: 'gift_birthday_free',
      name: FREE_ORDER_EXTRA,
      kind: 'privilege',
      expiresAt,
      value: { type: 'freeOrder', maxOffFen: BIRTHDAY_FREE_ORDER_MAX_FEN },
    })
  p.promote()
  return p.done({ grantId, vouchers: specs.map((s) => giftVoucher(member._id, s, grantId, newCode(), now)) })
}

/** This month's free-delivery vouchers of the member's tier (valid to the month's end), once a month; null when none are due. */
export function monthlyGift(member: BenefitMember, rules: Rules, now: Date, newCode: () => string): GiftOutcome | null {
  const month = monthOf(now, rules.timeZone)
  const count = tierHeld(rules, member).monthlyFreeDelivery
  if (count <= 0 || member.granted?.monthly === month) return null
  const grantId = grantIds.monthly(member._id, month)
  const p = new Posting(member, rules, now)
  const m = p.member as BenefitMember
  m.granted = { ...member.granted, monthly: month }
  const spec: VoucherSpec = { itemId: 'gift_free_delivery', name: '会员免费配送券', kind: 'coupon', expiresAt: endOfMonth(month, rules.timeZone) }
  const vouchers = Array.from({ length: count }, () => giftVoucher(member._id, spec, grantId, newCode(), now))
  return p.done({ grantId, vouchers })
}

/** Members quiet since this instant or earlier are due a win-back voucher; null when win-back is off. */
export function winbackCutoff(rules: Rules, now: Date): Date | null {
  return rules.winback.afterDays > 0 ? new Date(now.getTime() - rules.winback.afterDays * 86_400_000) : null
}

/** For a member from before quiet spells were kept: the spell began with the last purchase, or else with joining. */
export function quietSinceOf(member: Member, lastPurchaseAt: Date | null): Date {
  return lastPurchaseAt ?? member.createdAt
}

/** One voucher of the merchant's win-back item for a member with no purchase in `afterDays`, once per quiet spell; otherwise null. */
export function winbackGift(item: Item): (member: BenefitMember, rules: Rules, now: Date, newCode: () => string) => GiftOutcome | null {
  return (member, rules, now, newCode) => {
    const cutoff = winbackCutoff(rules, now)
    const since = member.quietSince
    // a frozen member waits: the spell stays open until unfrozen
    if (!cutoff || !since || since.getTime() > cutoff.getTime() || member.frozen) return null
    const grantId = grantIds.winback(member._id, since)
    const p = new Posting(member, rules, now)
    // the next purchase opens the next spell
    p.member.quietSince = null
    const days = item.validDays > 0 ? item.validDays : rules.voucherDays
    const spec: VoucherSpec = {
      itemId: item._id,
      name: item.name,
      kind: item.kind,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
      ...(item.value ? { value: item.value } : {}),
    }
    return p.done({ grantId, vouchers: [giftVoucher(member._id, spec, grantId, newCode(), now)] })
  }
}

/** Rolling tiers, once a month: one tier down when the closed window no longer reaches the tier held (reaching it again pays its bonus anew). */
export function tierJudgementGift(member: BenefitMember, rules: Rules, now: Date): GiftOutcome | null {
  const month = monthOf(now, rules.timeZone)
  if (rules.tierPolicy.mode === 'lifetime' || member.granted?.tierJudged === month) return null
  const p = new Posting(member, rules, now)
  const m = p.member as BenefitMember
  m.granted = { ...member.granted, tierJudged: month }
  const drop = tierJudgement(m, rules, judgementAt(rules, now))
  if (drop) {
    m.tier = drop.to.id
    m.tierLosses = withCount(m.tierLosses ?? {}, drop.from.id, countOf(m.tierLosses ?? {}, drop.from.id) + 1)
  }
  return p.done({ grantId: grantIds.tiers(member._id, month), vouchers: [] })
}

/** In the week before a judgement that would lower the tier, the notice, once per judgement; otherwise null. */
export function tierNoticeGift(member: BenefitMember, rules: Rules, now: Date): GiftOutcome | null {
  const notice = tierNoticeAt(member, rules, now)
  const month = notice?.on.slice(0, 7)
  if (!notice || !month || member.granted?.tierNotice === month) return null
  const p = new Posting(member, rules, now)
  const m = p.member as BenefitMember
  m.granted = { ...member.granted, tierNotice: month }
  return p.done({ grantId: grantIds.tierNotice(member._id, month), vouchers: [], notice })
}

/** The tiers above the lowest, for the judgement's query. */
export function upperTierIds(rules: Rules): string[] {
  return rules.tiers.slice(1).map((t) => t.id)
}

/** The tiers that get monthly vouchers, for the job's query. */
export function monthlyTierIds(rules: Rules): string[] {
  return rules.tiers.filter((t) => t.monthlyFreeDelivery > 0).map((t) => t.id)
}

/** The benefit notice in the shape `subscribeMessage.send` takes, for a shopper who consented to benefit messages. */
export function benefitMessage(openid: string, kind: BenefitKind, gift: GiftAnswer, points: number, templateId: string): SubscribeMessage {
  const [what, detail, page] = gift.notice
    ? [`会员等级将调整为${gift.notice.to.name}`, `${gift.notice.on} 起生效，消费可保级`, 'pages/index/index']
    : [giftLine(kind, gift, points), '已放入你的券包，记得使用哦', 'pages/vouchers/index']
  return { touser: openid, templateId, page, data: { thing1: { value: what }, thing2: { value: detail } } }
}

/** What a gift of vouchers (and points) brought, in one line. */
function giftLine(kind: BenefitKind, gift: GiftAnswer, points: number): string {
  if (kind === 'birthday') return `生日礼遇：${points} 积分和 ${gift.vouchers.length} 张券`
  if (kind === 'winback') return `好久不见，送你一张「${gift.vouchers[0]?.name ?? '优惠券'}」`
  return `本月会员礼遇：${gift.vouchers.length} 张免费配送券`
}
