/** Share rewards: the sharer earns when a friend opens, never for their own share, once per friend, a few times a day. */
import { dayOf } from './calendar'
import { Posting, type Member, type Outcome } from './member'
import type { Rules } from './rules'

export interface ShareDoc {
  /** A random code, so a share link cannot be guessed. */
  _id: string
  openid: string
  itemId: string | null
  createdAt: Date
}

/** Documents in `shareOpens` whose ids make each reward count once; people appear by the keyed hash of their OPENID (`…Mark`). */
export const shareIds = {
  /** A friend has rewarded this sharer (ever). */
  pair: (sharerMark: string, friendMark: string) => `pair:${sharerMark}:${friendMark}`,
  /** Rewarded opens of a sharer on one merchant day. */
  day: (sharerMark: string, day: string) => `day:${sharerMark}:${day}`,
  /** The sharer's ledger entry: under the sharer's OPENID, naming the friend by hash only. */
  ledger: (sharer: string, friendMark: string) => `share:${sharer}:${friendMark}`,
}

export type NoReward = 'own' | 'repeat' | 'limit' | 'gone' | 'frozen'

export interface ShareState {
  sharer: Member | null
  /** This friend already rewarded this sharer. */
  pairSeen: boolean
  /** Rewarded opens of the sharer today. */
  todayCount: number
}

/** Whether this open rewards the sharer; the reasons it does not, in the order a shopper would ask. */
export function whyNoReward(share: ShareDoc, friend: string, state: ShareState, rules: Rules): NoReward | null {
  if (share.openid === friend) return 'own'
  if (!state.sharer) return 'gone'
  // a frozen sharer earns nothing, and the friend who opened the link is not told why
  if (state.sharer.frozen) return 'frozen'
  if (state.pairSeen) return 'repeat'
  if (state.todayCount >= rules.share.dailyLimit) return 'limit'
  return null
}

/** The sharer's reward for a friend's open (`friendMark`: the keyed hash of the friend's OPENID). */
export function shareReward(sharer: Member, friendMark: string, rules: Rules, now: Date): Outcome<{ day: string }> {
  const p = new Posting(sharer, rules, now)
  p.credit(shareIds.ledger(sharer._id, friendMark), 'share', `好友打开了你的分享，奖励 ${rules.share.reward} 积分`, rules.share.reward)
  p.promote()
  return p.done({ day: dayOf(now, rules.timeZone) })
}
