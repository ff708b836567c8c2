/** Staff invites: one use, 24 hours, for a clerk or an admin; decided here, stored in `staffInvites/<code>`. */
import type { Role, StaffRole } from './api'
import { Refusal } from './refusal'

export const INVITE_HOURS = 24

export interface StaffInvite {
  _id: string
  role: StaffRole
  name: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedBy?: string
  usedAt?: Date
}

export function newInvite(code: string, role: StaffRole, name: string, createdBy: string, now: Date): StaffInvite {
  return { _id: code, role, name, createdBy, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_HOURS * 3_600_000) }
}

/** Why this invite cannot make the caller staff, or null when it can. */
export function inviteRefusal(invite: StaffInvite | null, alreadyStaff: boolean, now: Date): Refusal | null {
  if (!invite) return new Refusal('NOT_FOUND', '邀请无效，请让店长重新生成邀请')
  if (invite.usedBy) return new Refusal('ALREADY_DONE', '这个邀请已经用过了，请让店长重新生成邀请')
  if (new Date(invite.expiresAt).getTime() <= now.getTime())
    return new Refusal('EXPIRED', `邀请已过期（${INVITE_HOURS} 小时内有效），请让店长重新生成邀请`)
  if (alreadyStaff) return new Refusal('ALREADY_DONE', '你已经是门店员工了，不需要再次加入')
  return null
}

/** Why this admin cannot be removed, or null. */
export function removalRefusal(target: { role: StaffRole } | null, admins: readonly string[], openid: string): Refusal | null {
  if (!target) return new Refusal('NOT_FOUND', '没有找到这位员工')
  if (target.role === 'admin' && admins.filter((id) => id !== openid).length === 0)
    return new Refusal('PERMISSION_DENIED', '不能移除最后一位店长，请先邀请另一位店长')
  return null
}

/** A caller's role at the store: a staff document's role, or a plain member without one. */
export function roleOf(staff: { role: StaffRole } | null): Role {
  return staff?.role ?? 'member'
}
