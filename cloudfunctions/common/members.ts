/** Loading a member and storing an outcome of the domain: the member and its ledger entries in one transaction. */
import type { LedgerEntry, Member, Outcome } from '../../shared/member'
import type { ledgerDirections } from '../../shared/schemas'
import { Refusal } from '../../shared/refusal'
import { createDoc, createDocs, db, getDoc, pageOf, putDoc, type Store } from './cloud'

/**
 * The caller's member document; a caller who never logged in is asked to. Every spend and earn loads the member
 * here inside its transaction and writes it back, so it commits before a deletion starts (and is moved with the
 * account) or meets the mark and is refused.
 */
export async function requireMember(store: Store, openid: string): Promise<Member> {
  const member = await getDoc<Member>(store, 'members', openid)
  if (!member) throw new Refusal('UNAUTHENTICATED', '请先登录成为会员')
  if (member.deleting) throw new Refusal('UNAUTHENTICATED', '账号已注销，积分和券不能再使用；重新登录即成为新会员')
  return member
}

/** A member others may credit or refund (a friend's share, the daily job, a returned voucher); null once deleting. */
export async function findMember<M extends Member = Member>(store: Store, openid: string): Promise<M | null> {
  const member = await getDoc<M>(store, 'members', openid)
  return member && !member.deleting ? member : null
}

/** Writes the new member (created or replaced) and its ledger entries, all entries in one request (each is a billed call), side by side to keep the transaction short. */
export async function storeOutcome(t: Store, outcome: Outcome<unknown>, created = false, ...more: Array<Promise<unknown>>): Promise<void> {
  await Promise.all([
    created ? createDoc(t, 'members', outcome.member) : putDoc(t, 'members', outcome.member),
    createDocs(t, 'ledger', outcome.entries),
    ...more,
  ])
}

export function entryView(e: LedgerEntry): { id: string; delta: number; reason: string; at: string; balanceAfter: number } {
  return { id: e._id, delta: e.delta, reason: e.reason, at: new Date(e.at).toISOString(), balanceAfter: e.balanceAfter }
}

export type LedgerPage = { entries: ReturnType<typeof entryView>[]; nextCursor: string | null }

export type LedgerDirection = (typeof ledgerDirections)[number]

/** The entries of one direction: points in are positive, points out negative. */
const deltaOf = (direction: LedgerDirection) => (direction === 'in' ? db.command.gt(0) : db.command.lt(0))

/**
 * A member's history newest first, `limit` entries before `before` (a seq; null: from the newest), only points in or
 * out when `direction` says so; the cursor is the last seq shown.
 */
export async function ledgerPage(openid: string, limit: number, before: number | null = null, direction?: LedgerDirection): Promise<LedgerPage> {
  const where = { openid, ...(before === null ? {} : { seq: db.command.lt(before) }), ...(direction ? { delta: deltaOf(direction) } : {}) }
  const { rows, more } = await pageOf<LedgerEntry>('ledger', where, ['seq', 'desc'], limit)
  const last = rows.at(-1)
  return { entries: rows.map(entryView), nextCursor: more && last ? String(last.seq) : null }
}

/** The page after `cursor` as a client sent it back; a cursor that is no seq we gave has nothing after it. */
export async function ledgerAfter(
  openid: string,
  cursor: string | null | undefined,
  limit: number,
  direction?: LedgerDirection,
): Promise<LedgerPage> {
  const before = cursor == null ? null : Number(cursor)
  if (before !== null && !(Number.isSafeInteger(before) && before > 0)) return { entries: [], nextCursor: null }
  return ledgerPage(openid, limit, before, direction)
}
