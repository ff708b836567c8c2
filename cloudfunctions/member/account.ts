/**
 * Deleting an account, as a state change every spend and earn respects: one transaction marks the member deleting,
 * with an anonymous id chosen once, and leaves the once-only marks; bounded, idempotent steps then move what the books
 * keep to the anonymous id, and the member goes last. A step run again, or by two callers at once, changes nothing twice.
 */
import { randomCode } from '../../shared/codes'
import type { CollectionName } from '../../shared/collections'
import type { Member } from '../../shared/member'
import { firstMarks, marksOnLeaving, type OnceMarks } from '../../shared/once'
import { Refusal } from '../../shared/refusal'
import { db, getDoc, putDoc, type Store } from '../common/cloud'
import { markOf, onceId } from '../common/marks'
import { transact } from '../common/transact'

const BATCH = 20

/** Every place a member's OPENID is kept after the member goes, and the field that holds it. */
const KEPT: ReadonlyArray<[CollectionName, string]> = [
  ['ledger', 'openid'],
  ['vouchers', 'openid'],
  ['draws', 'openid'],
  ['grants', 'openid'],
  ['shares', 'openid'],
  ['purchases', 'claimedBy'],
  ['usage', 'openid'],
  ['memberCodes', 'openid'],
  ['audit', 'member'],
  ['memberNos', 'openid'],
]

type Doc = { _id: string } & Record<string, unknown>

const alreadyDeleted = () => new Refusal('ALREADY_DONE', '账号已经注销了')

/** Starts the deletion (or joins one under way) and finishes it; only the caller who started it hears `deleted`. */
export async function deleteAccount(openid: string, now: Date): Promise<{ deleted: true }> {
  const { anon, started } = await markDeleting(openid, now)
  await finishDeletion(openid, anon)
  if (!started) throw alreadyDeleted()
  return { deleted: true }
}

/** The one transaction that turns a member into a leaving one; from its commit on, `requireMember` refuses the member. */
async function markDeleting(openid: string, now: Date): Promise<{ anon: string; started: boolean }> {
  const id = await onceId(openid)
  return transact(async (t) => {
    const [member, marks] = await Promise.all([getDoc<Member>(t, 'members', openid), getDoc<OnceMarks>(t, 'grants', id)])
    if (!member) throw marks?.leftAt ? alreadyDeleted() : new Refusal('UNAUTHENTICATED', '请先登录成为会员')
    if (member.deleting) return { anon: member.deleting.anon, started: false }
    const anon = `anon-${randomCode(16)}`
    const birthday = member.birthday === null ? null : await markOf(openid, 'birthday', member.birthday)
    await Promise.all([
      putDoc(t, 'grants', marksOnLeaving(member, marks ?? firstMarks(id, now), birthday, now)),
      t
        .collection('members')
        .doc(openid)
        .update({ data: { deleting: { anon, since: now } } }),
    ])
    return { anon, started: true }
  })
}

/** Moves what the books keep to the anonymous id, then removes the member; safe to run again, or twice at once. */
export async function finishDeletion(openid: string, anon: string): Promise<void> {
  for (const [name, field] of KEPT) await moveAll(name, field, openid, anon)
  await transact(async (t) => {
    if (await stillLeaving(t, openid, anon)) await t.collection('members').doc(openid).remove()
  })
}

async function stillLeaving(t: Store, openid: string, anon: string): Promise<boolean> {
  return (await getDoc<Member>(t, 'members', openid))?.deleting?.anon === anon
}

async function moveAll(name: CollectionName, field: string, openid: string, anon: string): Promise<void> {
  for (;;) {
    const res = await db
      .collection(name)
      .where({ [field]: openid })
      .limit(BATCH)
      .get()
    const ids = (res.data as Doc[]).map((d) => d._id)
    if (ids.length === 0) return
    // stops once the member is no longer this deletion's (removed, or joined again): the rest belongs to a new life
    if (!(await transact((t) => moveBatch(t, name, field, ids, openid, anon)))) return
  }
}

/**
 * One batch in one transaction that first sees the member still leaving (so no document of a later life is in its
 * snapshot): each document still naming the member is moved, to an id with the anonymous id in place of the OPENID.
 */
async function moveBatch(t: Store, name: CollectionName, field: string, ids: string[], openid: string, anon: string): Promise<boolean> {
  if (!(await stillLeaving(t, openid, anon))) return false
  await Promise.all(ids.map((id) => moveOne(t, name, field, id, openid, anon)))
  return true
}

async function moveOne(t: Store, name: CollectionName, field: string, id: string, openid: string, anon: string): Promise<void> {
  const doc = await getDoc<Doc>(t, name, id)
  if (!doc || doc[field] !== openid) return
  const moved = anonymised(doc, openid, anon)
  if (moved._id === id) {
    // kept in place (a voucher's code stays valid), changing only what named the member
    await t
      .collection(name)
      .doc(id)
      .update({ data: Object.fromEntries(Object.entries(moved).filter(([k, v]) => k !== '_id' && v !== doc[k])) })
    return
  }
  await Promise.all([putDoc(t, name, moved), t.collection(name).doc(id).remove()])
}

/** The document with the anonymous id wherever the OPENID was written (its id, the owner field, ids made from it). */
function anonymised(doc: Doc, openid: string, anon: string): Doc {
  const swap = (v: unknown) => (typeof v === 'string' ? v.split(openid).join(anon) : v)
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, swap(v)])) as Doc
}
