/** Birthday gifts and monthly tier vouchers, each once per period: the grant document is created with the member and voucher writes. */
import { birthdayGift, monthlyGift, monthlyTierIds, type BenefitMember, type GiftAnswer } from '../../shared/benefits'
import { monthNumberOf, monthOf } from '../../shared/calendar'
import { randomCode } from '../../shared/codes'
import type { Outcome } from '../../shared/member'
import type { Rules } from '../../shared/rules'
import { createDoc, db, getDoc, type Command, type Condition } from '../common/cloud'
import { storeOutcome } from '../common/members'
import { transact } from '../common/transact'
import { sweep, type SweepReport } from './sweep'

/** The SDK's command has `neq`; the shared typing lists only what the other functions use. */
const _ = db.command as Command & { neq(v: unknown): Condition }

type Gift = (member: BenefitMember, rules: Rules, now: Date, newCode: () => string) => Outcome<GiftAnswer> | null

/** One member's gift in one transaction: member, ledger, vouchers and the grant that makes it once per period. */
function grant(gift: Gift, kind: string, rules: Rules, now: Date): (found: BenefitMember) => Promise<boolean> {
  return (found) =>
    transact(async (t) => {
      const member = await getDoc<BenefitMember>(t, 'members', found._id)
      const outcome = member ? gift(member, rules, now, randomCode) : null
      if (!outcome || (await getDoc(t, 'grants', outcome.answer.grantId))) return false
      await storeOutcome(t, outcome)
      for (const voucher of outcome.answer.vouchers) await createDoc(t, 'vouchers', voucher)
      await createDoc(t, 'grants', { _id: outcome.answer.grantId, kind, openid: found._id, at: now, vouchers: outcome.answer.vouchers.map((v) => v._id) })
      return true
    })
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
