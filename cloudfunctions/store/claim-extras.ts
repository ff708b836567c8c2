/** What a claim loads beside the purchase and stores beside the member: the voucher chosen, the inviter, the member's usable vouchers. */
import type { ClaimExtras, Member, Outcome, VoucherDoc } from '../../shared/member'
import type { ShareDoc } from '../../shared/share'
import { db, getDoc, putDoc, type Store } from '../common/cloud'
import { markOf } from '../common/marks'
import { findMember, storeOutcome } from '../common/members'

/** The voucher by its code (undefined when none was given) and, on a first purchase, the member's inviter; read in the claim's transaction. */
export async function loadClaimExtras(t: Store, member: Member, voucherCode: string | undefined): Promise<ClaimExtras> {
  const first = member.purchases === 0 && !member.firstPurchasePaid
  const [voucher, referral] = await Promise.all([
    voucherCode === undefined ? undefined : getDoc<VoucherDoc>(t, 'vouchers', voucherCode),
    first && member.invitedBy ? inviterOf(t, member) : null,
  ])
  return { voucher, referral }
}

/** The member's inviter through the share that brought them in (null once the sharer is gone). */
export async function inviterOf(t: Store, member: Member): Promise<ClaimExtras['referral']> {
  const share = await getDoc<ShareDoc>(t, 'shares', member.invitedBy!)
  // the inviter's ledger names the invitee by keyed hash only, so deleting the invitee leaves no OPENID there
  const [inviter, inviteeMark] = await Promise.all([share ? findMember(t, share.openid) : null, markOf(member._id)])
  return { inviter, inviteeMark }
}

/** The writes beside the member that a claim or a refund adds: the voucher it used or gave back, the inviter it rewarded or took back from. */
export function claimWrites(t: Store, outcome: { voucher: VoucherDoc | null; inviter: Outcome<null> | null }): Array<Promise<unknown>> {
  return [...(outcome.voucher ? [putDoc(t, 'vouchers', outcome.voucher)] : []), ...(outcome.inviter ? [storeOutcome(t, outcome.inviter)] : [])]
}

/** The member's pending vouchers, which the preview narrows to those usable on the order. */
export async function pendingVouchers(openid: string): Promise<VoucherDoc[]> {
  const res = await db.collection('vouchers').where({ openid, status: 'pending' }).orderBy('expiresAt', 'asc').limit(100).get()
  return res.data as VoucherDoc[]
}
