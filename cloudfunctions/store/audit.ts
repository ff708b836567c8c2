/** store.audit: the owner reads the audit trail, newest first, by clerk and kind. */
import { auditView, type AuditDoc } from '../../shared/audit'
import { schemas } from '../../shared/schemas'
import { db, pageOf } from '../common/cloud'
import { action } from '../common/router'

const PAGE = 20

export const auditTrail = action({
  who: 'admin',
  schema: schemas.store.audit,
  async run(args) {
    const limit = args.limit ?? PAGE
    const where: Record<string, unknown> = {}
    if (args.actor) where.actorOpenid = args.actor
    if (args.kind) where.kind = args.kind
    if (args.cursor) where.sortKey = db.command.lt(args.cursor)
    const { rows, more } = await pageOf<AuditDoc>('audit', where, ['sortKey', 'desc'], limit)
    return { entries: rows.map(auditView), nextCursor: more ? rows.at(-1)!.sortKey : null }
  },
})
