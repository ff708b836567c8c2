/** The audit trail: one entry per staff or admin change, its `_id` the change's own guard, so a retried change records once. */
import type { AuditEntryView, AuditKind } from './api'

export interface Actor {
  openid: string
  name: string
  role: 'staff' | 'admin'
}

export interface AuditDoc {
  _id: string
  at: Date
  actor: Actor
  /** The actor's OPENID at the top level, indexed for the owner's filter. */
  actorOpenid: string
  kind: AuditKind
  /** What changed: an order, a voucher code, an item id, `rules`. */
  target: string
  detail: Record<string, unknown>
  /** The shopper the change concerns, if any: kept at the top level, where deleting the account finds it and moves it. */
  member: string | null
  /** `at` then `_id`: newest first with ties in a fixed order, and the cursor of the next page. */
  sortKey: string
}

export function auditEntry(
  guard: string,
  kind: AuditKind,
  target: string,
  detail: Record<string, unknown>,
  member: string | null,
  actor: Actor,
  at: Date,
): AuditDoc {
  return { _id: guard, at, actor, actorOpenid: actor.openid, kind, target, detail, member, sortKey: `${at.toISOString()}|${guard}` }
}

export function auditView(d: AuditDoc): AuditEntryView {
  const detail = d.member ? { ...d.detail, member: d.member } : d.detail
  return { id: d._id, at: new Date(d.at).toISOString(), actor: d.actor, kind: d.kind, target: d.target, detail }
}
