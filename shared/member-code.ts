/** The shopper's 会员码: one use, 60 s, carrying the consent to pay with points that only the shopper's own phone can give. */
import type { PointsChoice } from './member'
import { Refusal } from './refusal'

export const MEMBER_CODE_SECONDS = 60

export interface Consent {
  allowPoints?: boolean
  /** At most this many points (absent: as many as the order allows). */
  maxPoints?: number
}

export interface MemberCodeDoc {
  /** The 20 digits. */
  _id: string
  openid: string
  allowPoints: boolean
  maxPoints: number | null
  createdAt: Date
  expiresAt: Date
  usedAt: Date | null
  orderId: string | null
}

export function newMemberCode(code: string, openid: string, consent: Consent, now: Date): MemberCodeDoc {
  return {
    _id: code,
    openid,
    allowPoints: consent.allowPoints ?? false,
    maxPoints: consent.allowPoints ? (consent.maxPoints ?? null) : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + MEMBER_CODE_SECONDS * 1000),
    usedAt: null,
    orderId: null,
  }
}

/** A code a clerk may check out with: the member's current one, unused and unexpired. */
export function requireLiveCode(code: MemberCodeDoc, currentCode: string | null | undefined, now: Date): void {
  if (code.usedAt !== null) throw new Refusal('ALREADY_DONE', '这个会员码已经用过了，请顾客刷新会员码')
  if (code.expiresAt.getTime() < now.getTime()) throw new Refusal('EXPIRED', '会员码已过期，请顾客刷新会员码')
  if (currentCode !== code._id) throw new Refusal('EXPIRED', '会员码已失效，请顾客出示最新的会员码')
}

/** The points a checkout may use: only with the shopper's consent, never above its cap; none asked means as many as consented. */
export function consentedPoints(code: MemberCodeDoc, pointsToUse: number | undefined): PointsChoice {
  if (pointsToUse === undefined) return code.allowPoints ? (code.maxPoints ?? true) : false
  if (pointsToUse > 0 && !code.allowPoints) throw new Refusal('PERMISSION_DENIED', '顾客没有同意使用积分抵扣，请顾客在会员码页打开“积分抵扣”')
  if (code.maxPoints !== null && pointsToUse > code.maxPoints)
    throw new Refusal('PERMISSION_DENIED', `顾客最多同意使用 ${code.maxPoints} 积分，请减少抵扣积分`)
  return pointsToUse
}
