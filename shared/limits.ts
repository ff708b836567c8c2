/** Per-person limits: the counter's limits on clerks (rules.counter), with an admin not limited; a member's shares a day. */
import { yuan } from './money'
import { Refusal } from './refusal'
import type { Rules } from './rules'

/** Documents in `usage`, one per person and window, written in the same transaction as the use so a rush counts each once. */
export const usageIds = {
  /** Purchase codes a clerk issued in one clock hour (UTC hours, which are the merchant's in whole-hour zones). */
  codesIssued: (openid: string, now: Date) => `issue:${openid}:${now.toISOString().slice(0, 13)}`,
  /** Shares a member created on one merchant day. */
  sharesCreated: (openid: string, day: string) => `share:${openid}:${day}`,
  /** Lottery draws a member made on one merchant day. */
  draws: (openid: string, day: string) => `draw:${openid}:${day}`,
}

export interface IssueRequest {
  role: 'staff' | 'admin'
  amountFen: number
  /** Codes this clerk already issued this hour. */
  issuedThisHour: number
}

/** Why this purchase code may not be issued, or null; the limits stop a clerk crediting friends at will, so an admin passes. */
export function issueRefusal(request: IssueRequest, rules: Rules): Refusal | null {
  if (request.role === 'admin') return null
  const { maxOrderFen, codesPerHour } = rules.counter
  if (request.amountFen > maxOrderFen) return new Refusal('PERMISSION_DENIED', `单笔超过 ${yuan(maxOrderFen)} 元的积分码需要店长生成`)
  if (request.issuedThisHour >= codesPerHour) return new Refusal('LIMIT_REACHED', `每小时最多生成 ${codesPerHour} 个积分码，请稍后再试或请店长生成`)
  return null
}

/** Why a clerk may not check out a 会员码 order this large, or null: the same largest order as for codes, an admin not limited. */
export function checkoutRefusal(role: 'staff' | 'admin', amountFen: number, rules: Rules): Refusal | null {
  const { maxOrderFen } = rules.counter
  if (role === 'admin' || amountFen <= maxOrderFen) return null
  return new Refusal('PERMISSION_DENIED', `单笔超过 ${yuan(maxOrderFen)} 元的订单需要店长结账`)
}

/** Why a member may not create another share today, or null. */
export function shareCreateRefusal(createdToday: number, rules: Rules): Refusal | null {
  const limit = rules.share.createLimit
  return createdToday >= limit ? new Refusal('LIMIT_REACHED', `每天最多分享 ${limit} 次，明天再来吧`) : null
}
