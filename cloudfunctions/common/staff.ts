/** Who is staff or admin: changes to it take a lock document first, so two at once cannot both remove the last admin. */
import type { Role } from '../../shared/api'
import { roleOf } from '../../shared/staff'
import { db, getDoc, putDoc, type Store } from './cloud'
import type { StaffDoc } from './router'

export interface StaffRecord extends StaffDoc {
  since?: Date
}

/** Every change to the staff writes this one document first: a concurrent change conflicts, retries, and then sees this one. */
export async function lockStaff(t: Store, now: Date): Promise<void> {
  await putDoc(t, 'settings', { _id: 'staff-lock', changedAt: now })
}

/** The admins as committed (read after `lockStaff`, so no other staff change is half done). */
export async function adminIds(): Promise<string[]> {
  const res = await db.collection('staff').where({ role: 'admin' }).limit(100).get()
  return (res.data as StaffRecord[]).map((s) => s._id)
}

/** Staff are not members: their own shopping stays out of the merchant's figures and benefits. */
export async function staffIds(): Promise<string[]> {
  return ((await db.collection('staff').limit(1000).get()).data as Array<{ _id: string }>).map((s) => s._id)
}

/** Someone's role at the store, from the staff collection: a plain member has no staff document. */
export async function roleAtStore(openid: string): Promise<Role> {
  return roleOf(await getDoc<StaffDoc>(db, 'staff', openid))
}
