/** member.joinStaff: a clerk or admin joins with a one-use invite; the owner of a new environment joins with OWNER_CLAIM_CODE. */
import { timingSafeEqual } from 'node:crypto'
import { CODE_PATTERN, normalizeCode } from '../../shared/codes'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { inviteRefusal, type StaffInvite } from '../../shared/staff'
import { audit } from '../common/audit'
import { getDoc, putDoc } from '../common/cloud'
import { action, type Context } from '../common/router'
import { adminIds, lockStaff, type StaffRecord } from '../common/staff'
import { transact } from '../common/transact'

/** A claim code shorter than this is ignored: while no admin exists anyone could try it. */
const MIN_CLAIM_LENGTH = 8

function isOwnerClaim(code: string): boolean {
  const claim = (process.env.OWNER_CLAIM_CODE ?? '').trim()
  if (claim.length < MIN_CLAIM_LENGTH) return false
  const a = Buffer.from(code)
  const b = Buffer.from(claim)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The caller becomes the first admin, only while no admin exists. */
function claimOwner(ctx: Context) {
  return transact(async (t) => {
    await lockStaff(t, ctx.now)
    const admins = await adminIds()
    if (admins.includes(ctx.openid)) throw new Refusal('ALREADY_DONE', '你已经是店长了')
    if (admins.length > 0) throw new Refusal('PERMISSION_DENIED', '店长已经设置好了，请让店长邀请你加入')
    const before = await getDoc<StaffRecord>(t, 'staff', ctx.openid)
    const staff: StaffRecord = { _id: ctx.openid, role: 'admin', name: before?.name ?? '店长', since: ctx.now }
    await Promise.all([
      putDoc(t, 'staff', staff),
      audit(t, { ...ctx, staff }, `joinStaff:owner:${ctx.openid}:${ctx.now.toISOString()}`, 'joinStaff', ctx.openid, {
        role: 'admin',
        by: 'OWNER_CLAIM_CODE',
      }),
    ])
    return { role: staff.role, name: staff.name ?? '' }
  })
}

function useInvite(typed: string, ctx: Context) {
  const code = normalizeCode(typed)
  if (!CODE_PATTERN.test(code)) throw new Refusal('NOT_FOUND', '邀请无效，请让店长重新生成邀请')
  return transact(async (t) => {
    await lockStaff(t, ctx.now)
    const [invite, already] = await Promise.all([getDoc<StaffInvite>(t, 'staffInvites', code), getDoc<StaffRecord>(t, 'staff', ctx.openid)])
    const refusal = inviteRefusal(invite, already !== null, ctx.now)
    if (refusal || !invite) throw refusal ?? new Refusal('NOT_FOUND', '邀请无效，请让店长重新生成邀请')
    const staff: StaffRecord = { _id: ctx.openid, role: invite.role, name: invite.name, since: ctx.now }
    await Promise.all([
      putDoc(t, 'staff', staff),
      t
        .collection('staffInvites')
        .doc(code)
        .update({ data: { usedBy: ctx.openid, usedAt: ctx.now } }),
      audit(t, { ...ctx, staff }, `joinStaff:${code}`, 'joinStaff', ctx.openid, { role: invite.role, invitedBy: invite.createdBy }),
    ])
    return { role: invite.role, name: invite.name }
  })
}

export const joinStaff = action({
  who: 'member',
  schema: schemas.member.joinStaff,
  run: (args, ctx) => (isOwnerClaim(args.code) ? claimOwner(ctx) : useInvite(args.code, ctx)),
})
