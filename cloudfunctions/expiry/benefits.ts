/** Birthday gifts, monthly tier vouchers and win-back vouchers, each once per period: the grant document is created with the member and voucher writes. */
import {
  benefitMessage,
  birthdayGift,
  monthlyGift,
  monthlyTierIds,
  quietSinceOf,
  winbackCutoff,
  winbackGift,
  type BenefitKind,
  type BenefitMember,
  type GiftOutcome,
} from '../../shared/benefits'
import { monthNumberOf, monthOf } from '../../shared/calendar'
import { randomCode } from '../../shared/codes'
import type { Item, LedgerEntry, Member } from '../../shared/member'
import type { Rules } from '../../shared/rules'
import { createDoc, db, getDoc, type Command, type Condition } from '../common/cloud'
import { findMember, storeOutcome } from '../common/members'
import { staffIds } from '../common/staff'
import { transact } from '../common/transact'
import { sendMessage, TEMPLATES } from './messages'
import { sweep, type SweepReport } from './sweep'

/** The SDK's command has `neq`; the shared typing lists only what the other functions use. */
const _ = db.command as Command & { neq(v: unknown): Condition; exists(v: boolean): Condition }

export type Gift = (member: BenefitMember, rules: Rules, now: Date, newCode: () => string) => GiftOutcome | null

/**
 * One member's gift in one transaction: member, ledger, vouchers and the grant that makes it once per period.
 * A shopper who consented to benefit messages spends one consent in the same transaction and is told after it commits
 * (unless `tell` is false: a change that needs no message).
 */
export function grant(gift: Gift, kind: BenefitKind, rules: Rules, now: Date, tell = true): (found: BenefitMember) => Promise<boolean> {
  return async (found) => {
    const given = await transact(async (t) => {
      const member = await findMember<BenefitMember>(t, found._id)
      const outcome = member ? gift(member, rules, now, randomCode) : null
      if (!member || !outcome || (await getDoc(t, 'grants', outcome.answer.grantId))) return null
      const consents = tell ? (member.subscriptions.benefit ?? 0) : 0
      if (consents > 0) outcome.member.subscriptions = { ...outcome.member.subscriptions, benefit: consents - 1 }
      const vouchers = outcome.answer.vouchers
      await storeOutcome(
        t,
        outcome,
        false,
        ...vouchers.map((v) => createDoc(t, 'vouchers', v)),
        createDoc(t, 'grants', { _id: outcome.answer.grantId, kind, openid: found._id, at: now, vouchers: vouchers.map((v) => v._id) }),
      )
      return { outcome, notify: consents > 0 }
    })
    if (given?.notify) {
      const points = given.outcome.entries.filter((e) => e.kind !== 'expire').reduce((s, e) => s + e.delta, 0)
      const error = await sendMessage(benefitMessage(found._id, kind, given.outcome.answer, points, TEMPLATES.benefit))
      if (error) console.error(`benefit message to ${found._id}: ${error}`)
    }
    return given !== null
  }
}

/** Members born this month (indexed `birthdayMonth`) who have not had this year's gift. */
export function grantBirthdays(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  const month = monthOf(now, rules.timeZone)
  return sweep<BenefitMember>({
    collection: 'members',
    where: { birthdayMonth: monthNumberOf(`${month}-01`), 'granted.birthday': _.neq(month.slice(0, 4)) },
    deadline,
    each: grant(birthdayGift, 'birthday', rules, now),
  })
}

/** Members of a tier with monthly vouchers who have not had this month's. */
export function grantMonthly(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  const tiers = monthlyTierIds(rules)
  if (tiers.length === 0) return Promise.resolve({ handled: 0, changed: 0, failed: 0, done: true })
  return sweep<BenefitMember>({
    collection: 'members',
    where: { tier: _.in(tiers), 'granted.monthly': _.neq(monthOf(now, rules.timeZone)) },
    deadline,
    each: grant(monthlyGift, 'monthly', rules, now),
  })
}

/** Members quiet since the cutoff (indexed `quietSince`): one voucher of the win-back item each; staff are not members. */
export async function grantWinbacks(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  const cutoff = winbackCutoff(rules, now)
  const item = cutoff ? await getDoc<Item>(db, 'items', rules.winback.itemId) : null
  if (!cutoff || !item) return { handled: 0, changed: 0, failed: 0, done: true }
  const staff = new Set(await staffIds())
  const give = grant(winbackGift(item), 'winback', rules, now)
  return sweep<BenefitMember>({
    collection: 'members',
    where: { quietSince: _.lte(cutoff) },
    deadline,
    each: (found) => (staff.has(found._id) ? Promise.resolve(false) : give(found)),
  })
}

/** When the member last bought: their newest purchase or points-as-cash entry (indexed `openid + at`). */
async function lastPurchaseAt(openid: string): Promise<Date | null> {
  const res = await db
    .collection('ledger')
    .where({ openid, kind: _.in(['purchase', 'cash']) })
    .orderBy('at', 'desc')
    .limit(1)
    .get()
  const entry = (res.data as LedgerEntry[])[0]
  return entry ? new Date(entry.at) : null
}

/** Members from before quiet spells were kept get theirs, once, so win-back reaches them too. */
export function markQuietSpells(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  if (!winbackCutoff(rules, now)) return Promise.resolve({ handled: 0, changed: 0, failed: 0, done: true })
  return sweep<Member>({
    collection: 'members',
    where: { quietSince: _.exists(false) },
    deadline,
    async each(found) {
      const last = await lastPurchaseAt(found._id)
      return transact(async (t) => {
        const member = await findMember(t, found._id)
        // a purchase since the look-up has set it already
        if (!member || member.quietSince !== undefined) return false
        await t
          .collection('members')
          .doc(member._id)
          .update({ data: { quietSince: quietSinceOf(member, last) } })
        return true
      })
    },
  })
}
