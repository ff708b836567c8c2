/** Writing the audit trail: inside the change's own transaction, under the change's guard as `_id`. */
import type { AuditKind } from '../../shared/api'
import { auditEntry } from '../../shared/audit'
import { Refusal } from '../../shared/refusal'
import { createDoc, type Store } from './cloud'
import type { Context } from './router'

/** `member`: the shopper the change concerns (the owner's page shows it with the detail). */
export async function audit(
  t: Store,
  ctx: Context,
  guard: string,
  kind: AuditKind,
  target: string,
  detail: Record<string, unknown>,
  member: string | null = null,
): Promise<void> {
  if (!ctx.staff) throw new Refusal('PERMISSION_DENIED', '仅门店店员可以操作')
  const actor = { openid: ctx.openid, name: ctx.staff.name ?? '', role: ctx.staff.role }
  await createDoc(t, 'audit', auditEntry(guard, kind, target, detail, member, actor, ctx.now))
}
