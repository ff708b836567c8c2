/** Referrals: a friend who first opens the mini-program from a member's share is that member's invitee; the invitee's first purchase rewards both, once. */
import { Posting, type Member, type Outcome } from './member'
import type { Rules } from './rules'
import type { ShareDoc } from './share'

/** A member joined this recently when opening a share counts as having first opened the mini-program from it. */
export const INVITE_WINDOW_MS = 30 * 60_000

/** The inviter of a claim: the sharer (null once gone), and the invitee named by keyed hash in the inviter's ledger. */
export interface Referral {
  inviter: Member | null
  inviteeMark: string
}

/**
 * Whether opening `share` makes `friend` the sharer's invitee: a new member, with no inviter yet and no purchase ever,
 * opening another member's share, who is not the friend's own invitee (no loop).
 */
export function becomesInvitee(friend: Member, share: ShareDoc, sharer: Member | null, sharerInvitedBy: ShareDoc | null, now: Date): boolean {
  if (!sharer || share.openid === friend._id || friend.invitedBy) return false
  if (friend.purchases > 0 || friend.firstPurchasePaid) return false
  if (now.getTime() - new Date(friend.createdAt).getTime() > INVITE_WINDOW_MS) return false
  return sharerInvitedBy?.openid !== friend._id
}

export const referralIds = {
  invitee: (openid: string) => `referral:${openid}`,
  inviter: (inviter: string, inviteeMark: string) => `referral:${inviter}:${inviteeMark}`,
  /** The inviter's clawback when the invitee's first purchase is refunded in full. */
  inviterBack: (inviter: string, inviteeMark: string) => `referral:${inviter}:${inviteeMark}:refund`,
}

/** Credits the invitee (on `p`) and answers the inviter's outcome; nothing once the inviter is gone or is the invitee. */
export function referralRewards(p: Posting, referral: Referral, rules: Rules, now: Date): Outcome<null> | null {
  const { inviter } = referral
  const m = p.member
  if (!inviter || inviter._id === m._id) return null
  const { inviterPoints, inviteePoints } = rules.referral
  p.credit(referralIds.invitee(m._id), 'referral', `受邀首次消费，奖励 ${inviteePoints} 积分`, inviteePoints)
  const q = new Posting(inviter, rules, now)
  q.credit(referralIds.inviter(inviter._id, referral.inviteeMark), 'referral', `邀请的好友完成首次消费，奖励 ${inviterPoints} 积分`, inviterPoints)
  q.promote()
  return q.done(null)
}

/**
 * A first purchase that paid the referral, refunded in full: the invitee's reward is taken back (on `p`) and the
 * inviter's outcome answered, each like purchase points (what was spent becomes debt; the balance never goes below zero).
 */
export function referralClawback(
  p: Posting,
  paid: { inviterPoints: number; inviteePoints: number },
  referral: Referral | null,
  orderId: string,
  rules: Rules,
  now: Date,
): Outcome<null> | null {
  p.clawBack(
    `${referralIds.invitee(p.member._id)}:refund`,
    `订单 ${orderId} 全额退款，收回受邀首次消费奖励 ${paid.inviteePoints} 积分`,
    paid.inviteePoints,
  )
  const inviter = referral?.inviter
  if (!inviter || inviter._id === p.member._id) return null
  const q = new Posting(inviter, rules, now)
  q.clawBack(
    referralIds.inviterBack(inviter._id, referral.inviteeMark),
    `邀请的好友首次消费已全额退款，收回邀请奖励 ${paid.inviterPoints} 积分`,
    paid.inviterPoints,
  )
  return q.done(null)
}
