/** Loading a member and storing an outcome of the domain: the member and its ledger entries in one transaction. */
import type { LedgerEntry, Member, Outcome } from '../../shared/member'
import { Refusal } from '../../shared/refusal'
import { createDoc, getDoc, putDoc, type Store } from './cloud'

/** The caller's member document; a caller who never logged in is asked to. */
export async function requireMember(store: Store, openid: string): Promise<Member> {
  const member = await getDoc<Member>(store, 'members', openid)
  if (!member) throw new Refusal('UNAUTHENTICATED', '请先登录成为会员')
  return member
}

/** Writes the new member (created or replaced) and creates each ledger entry, side by side to keep the transaction short. */
export async function storeOutcome(t: Store, outcome: Outcome<unknown>, created = false, ...more: Array<Promise<unknown>>): Promise<void> {
  await Promise.all([
    created ? createDoc(t, 'members', outcome.member) : putDoc(t, 'members', outcome.member),
    ...outcome.entries.map((entry) => createDoc(t, 'ledger', entry)),
    ...more,
  ])
}

export function entryView(e: LedgerEntry): { id: string; delta: number; reason: string; at: string; balanceAfter: number } {
  return { id: e._id, delta: e.delta, reason: e.reason, at: new Date(e.at).toISOString(), balanceAfter: e.balanceAfter }
}
