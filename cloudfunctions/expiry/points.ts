/** Expiring points and vouchers: due lots leave the member with one ledger entry per month; unused vouchers past their date refund. */
import { expirePoints, refundVoucher, type Member, type VoucherDoc } from '../../shared/member'
import type { Rules } from '../../shared/rules'
import { db, getDoc } from '../common/cloud'
import { findMember, storeOutcome } from '../common/members'
import { transact } from '../common/transact'
import { sweep, type SweepReport } from './sweep'

const sameInstant = (a: Date | null, b: Date | null): boolean => (a?.getTime() ?? null) === (b?.getTime() ?? null)

/** Members whose soonest lot is due (indexed `nextExpiryAt`); an expired member's next expiry moves on, so a re-run finds nothing. */
export function expireDuePoints(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  return sweep<Member>({
    collection: 'members',
    where: { nextExpiryAt: db.command.lte(now) },
    deadline,
    each: (found) =>
      transact(async (t) => {
        const member = await findMember(t, found._id)
        if (!member) return false
        const outcome = expirePoints(member, rules, now)
        if (outcome.entries.length === 0 && sameInstant(member.nextExpiryAt, outcome.member.nextExpiryAt)) return false
        await storeOutcome(t, outcome)
        return outcome.entries.length > 0
      }),
  })
}

/** Pending vouchers past their date become `expired` and give their points back. */
export function expireDueVouchers(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  return sweep<VoucherDoc>({
    collection: 'vouchers',
    where: { status: 'pending', expiresAt: db.command.lt(now) },
    deadline,
    each: (found) =>
      transact(async (t) => {
        const voucher = await getDoc<VoucherDoc>(t, 'vouchers', found._id)
        if (!voucher || voucher.status !== 'pending' || voucher.expiresAt.getTime() >= now.getTime()) return false
        const member = await findMember(t, voucher.openid)
        // a deleted (or deleting) account has nobody to refund
        if (member) await storeOutcome(t, refundVoucher(member, voucher, '已过期', rules, now))
        await t
          .collection('vouchers')
          .doc(voucher._id)
          .update({ data: { status: 'expired', updatedAt: now } })
        return true
      }),
  })
}
