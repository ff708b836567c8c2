/**
 * Once-only rewards across lives: what a WeChat user has had once (sign-up, profile bonuses, the first-purchase bonus,
 * today's check-in, per-member item counts, the birthday) outlives a deleted account, kept under a keyed hash of the
 * OPENID, so joining again earns none of it twice. The hashes are made by the functions; these rules only compare them.
 */
import type { Rules } from './rules'
import { signUp, type Member, type Outcome } from './member'

export interface OnceMarks {
  /** `once:<keyed hash of the OPENID>`: names nobody. */
  _id: string
  kind: 'once'
  profileAwarded: { birthday: boolean; address: boolean }
  firstPurchase: boolean
  /** The last check-in day, so a second one the same day stays refused. */
  lastCheckInDay: string | null
  /** Vouchers held per item, for `perMemberLimit`. */
  redeemed: Record<string, number>
  /** Keyed hash of the birthday once set: only the same date can be entered again, and the date itself is not kept. */
  birthday: string | null
  /** When the account was last deleted; null while the user is a member. */
  leftAt: Date | null
  at: Date
}

/** The marks of a user joining for the first time: sign-up paid, nothing else yet. */
export function firstMarks(id: string, now: Date): OnceMarks {
  return {
    _id: id,
    kind: 'once',
    profileAwarded: { birthday: false, address: false },
    firstPurchase: false,
    lastCheckInDay: null,
    redeemed: {},
    birthday: null,
    leftAt: null,
    at: now,
  }
}

/** A new member: the sign-up bonus only the first time, and whatever the user had once before carried over. */
export function joinOnce(openid: string, marks: OnceMarks | null, rules: Rules, now: Date): Outcome<null> {
  const outcome = signUp(openid, marks ? { ...rules, signup: 0 } : rules, now)
  if (!marks) return outcome
  const m: Member = {
    ...outcome.member,
    profileAwarded: { ...marks.profileAwarded },
    firstPurchasePaid: marks.firstPurchase,
    streak: { count: 0, lastDay: marks.lastCheckInDay },
    redeemed: { ...marks.redeemed },
    birthdayMark: marks.birthday,
  }
  return { ...outcome, member: m }
}

/** The marks a leaving member leaves behind (`birthday`: the keyed hash of the member's birthday, if set). */
export function marksOnLeaving(member: Member, previous: OnceMarks, birthday: string | null, now: Date): OnceMarks {
  return {
    ...previous,
    profileAwarded: {
      birthday: previous.profileAwarded.birthday || member.profileAwarded.birthday,
      address: previous.profileAwarded.address || member.profileAwarded.address,
    },
    firstPurchase: previous.firstPurchase || member.purchases > 0 || member.firstPurchasePaid === true,
    lastCheckInDay: latest(previous.lastCheckInDay, member.streak.lastDay),
    // a re-joined member started from the earlier counts, so the member's own counts already include them
    redeemed: { ...member.redeemed },
    birthday: birthday ?? member.birthdayMark ?? previous.birthday,
    leftAt: now,
  }
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return a > b ? a : b
}
