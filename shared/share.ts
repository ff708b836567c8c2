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

/** Documents in `shareOpens` whose ids make each reward count once. */
export const shareIds = {
  /** A friend has rewarded this sharer (ever). */
  pair: (sharer: string, friend: string) => `pair:${sharer}:${friend}`,
  /** Rewarded opens of a sharer on one merchant day. */
  day: (sharer: string, day: string) => `day:${sharer}:${day}`,
  ledger: (sharer: string, friend: string) => `share:${sharer}:${friend}`,
}

export type NoReward = 'own' | 'repeat' | 'limit' | 'gone'

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
  if (state.pairSeen) return 'repeat'
  if (state.todayCount >= rules.share.dailyLimit) return 'limit'
  return null
}

/** The sharer's reward for a friend's open. */
export function shareReward(sharer: Member, friend: string, rules: Rules, now: Date): Outcome<{ day: string }> {
  const p = new Posting(sharer, rules, now)
  p.credit(shareIds.ledger(sharer._id, friend), 'share', `好友打开了你的分享，奖励 ${rules.share.reward} 积分`, rules.share.reward)
  p.promote()
  return p.done({ day: dayOf(now, rules.timeZone) })
}
