/** store.audit: the owner reads the audit trail, newest first, by clerk and kind. */
import { auditView, type AuditDoc } from '../../shared/audit'
import { schemas } from '../../shared/schemas'
import { db } from '../common/cloud'
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
    const rows = (
      await db
        .collection('audit')
        .where(where)
        .orderBy('sortKey', 'desc')
        .limit(limit + 1)
        .get()
    ).data as AuditDoc[]
    const page = rows.slice(0, limit)
    return { entries: page.map(auditView), nextCursor: rows.length > limit ? page.at(-1)!.sortKey : null }
  },
})
