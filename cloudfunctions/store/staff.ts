/** The owner's staff page: invite a clerk or admin (one use, 24 h), list and remove staff; never the last admin. */
import { randomCode } from '../../shared/codes'
import { schemas } from '../../shared/schemas'
import { newInvite, removalRefusal } from '../../shared/staff'
import { audit } from '../common/audit'
import { createDoc, db, getDoc } from '../common/cloud'
import { action } from '../common/router'
import { adminIds, lockStaff, type StaffRecord } from '../common/staff'
import { transact } from '../common/transact'

export const staff = {
  inviteStaff: action({
    who: 'admin',
    schema: schemas.store.inviteStaff,
    async run(args, ctx) {
      const invite = newInvite(randomCode(), args.role, args.name, ctx.openid, ctx.now)
      await transact(async (t) => {
        await Promise.all([
          createDoc(t, 'staffInvites', invite),
          audit(t, ctx, `inviteStaff:${invite._id}`, 'inviteStaff', args.name, {
            role: args.role,
            name: args.name,
            expiresAt: invite.expiresAt.toISOString(),
          }),
        ])
      })
      return { code: invite._id, expiresAt: invite.expiresAt.toISOString() }
    },
  }),

  staffList: action({
    who: 'admin',
    schema: schemas.store.staffList,
    async run() {
      const rows = (await db.collection('staff').limit(1000).get()).data as StaffRecord[]
      const staff = rows.map((s) => ({ openid: s._id, name: s.name ?? '', role: s.role, since: s.since ? new Date(s.since).toISOString() : null }))
      return { staff: staff.sort((a, b) => a.role.localeCompare(b.role) || a.openid.localeCompare(b.openid)) }
    },
  }),

  removeStaff: action({
    who: 'admin',
    schema: schemas.store.removeStaff,
    async run(args, ctx) {
      return transact(async (t) => {
        await lockStaff(t, ctx.now)
        const target = await getDoc<StaffRecord>(t, 'staff', args.openid)
        const refusal = removalRefusal(target, await adminIds(), args.openid)
        if (refusal) throw refusal
        await Promise.all([
          t.collection('staff').doc(args.openid).remove(),
          audit(t, ctx, `removeStaff:${args.openid}:${ctx.now.toISOString()}`, 'removeStaff', args.openid, {
            role: target?.role,
            name: target?.name ?? '',
          }),
        ])
        return { removed: true as const }
      })
    },
  }),
}
