/** The owner's member pages: search, one member's full picture, manual adjustments and freezing, each change audited. */
import type { MemberRow } from '../../shared/api'
import {
  adjustId,
  adjustPoints,
  memberAsOf,
  purchaseView,
  summaryOf,
  voucherView,
  type Member,
  type PurchaseDoc,
  type VoucherDoc,
} from '../../shared/member'
import { isMemberNo } from '../../shared/member-no'
import { nextExpiryOf } from '../../shared/lots'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { tierHeld } from '../../shared/tiers'
import type { Rules } from '../../shared/rules'
import { audit } from '../common/audit'
import { db, getDoc, pageOf, type Store } from '../common/cloud'
import { findMember, ledgerAfter, ledgerPage, storeOutcome } from '../common/members'
import { action } from '../common/router'
import { roleAtStore } from '../common/staff'
import { transact } from '../common/transact'

const _ = db.command
const PAGE = 20

function rowOf(m: Member, rules: Rules, now: Date): MemberRow {
  const member = memberAsOf(m, rules, now)
  return {
    openid: m._id,
    memberNo: m.memberNo ?? null,
    nickname: m.nickname,
    tier: tierHeld(rules, member).name,
    balance: member.balance,
    joinedAt: new Date(m.createdAt).toISOString(),
    frozen: m.frozen === true,
  }
}

/** Exact hits first (member number, OPENID), then nicknames containing the text, a page at a time by `_id`. */
async function searchMembers(
  query: string | undefined,
  cursor: string | null,
  limit: number,
): Promise<{ found: Member[]; nextCursor: string | null }> {
  const exact: Member[] = []
  if (query && !cursor) {
    const byNo = isMemberNo(query) ? await getDoc<{ openid: string }>(db, 'memberNos', query) : null
    for (const id of new Set([byNo?.openid, query])) {
      const m = id ? await findMember(db, id) : null
      if (m) exact.push(m)
    }
  }
  const where: Record<string, unknown> = query ? { nickname: db.RegExp({ regexp: query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' }) } : {}
  if (cursor) where._id = _.gt(cursor)
  const { rows, more } = await pageOf<Member>('members', where, ['_id', 'asc'], limit)
  const page = rows.filter((m) => !m.deleting && !exact.some((e) => e._id === m._id))
  return { found: [...exact, ...page], nextCursor: more ? rows.at(-1)!._id : null }
}

async function requireShopper(store: Store, openid: string): Promise<Member> {
  const member = await findMember(store, openid)
  if (!member) throw new Refusal('NOT_FOUND', '没有找到这位会员')
  return member
}

export const members = {
  findMembers: action({
    who: 'admin',
    schema: schemas.store.findMembers,
    async run(args, ctx) {
      const { found, nextCursor } = await searchMembers(args.query, args.cursor ?? null, args.limit ?? PAGE)
      return { members: found.map((m) => rowOf(m, ctx.rules, ctx.now)), nextCursor }
    },
  }),

  memberDetail: action({
    who: 'admin',
    schema: schemas.store.memberDetail,
    async run(args, ctx) {
      const stored = await requireShopper(db, args.openid)
      const [ledger, vouchers, purchases, items, role] = await Promise.all([
        ledgerPage(args.openid, PAGE),
        db.collection('vouchers').where({ openid: args.openid }).orderBy('createdAt', 'desc').limit(50).get(),
        db.collection('purchases').where({ claimedBy: args.openid }).orderBy('claimedAt', 'desc').limit(50).get(),
        db.collection('items').where({ active: true }).limit(100).get(),
        roleAtStore(args.openid),
      ])
      const member = memberAsOf(stored, ctx.rules, ctx.now)
      return {
        summary: summaryOf(stored, ctx.rules, ctx.now, items.data as never, role),
        memberNo: stored.memberNo ?? null,
        frozen: stored.frozen === true,
        frozenReason: stored.frozen ? (stored.frozenReason ?? null) : null,
        lots: member.lots.map((l) => ({ points: l.points, expiresAt: nextExpiryOf([l], ctx.rules.timeZone)!.toISOString() })),
        // the next page is the member's own history, `member.ledger` from this seq on
        ledger,
        vouchers: (vouchers.data as VoucherDoc[]).map(voucherView),
        purchases: (purchases.data as PurchaseDoc[]).map((p) => purchaseView(p, ctx.now)),
      }
    },
  }),

  memberLedger: action({
    who: 'admin',
    schema: schemas.store.memberLedger,
    async run(args) {
      await requireShopper(db, args.openid)
      return ledgerAfter(args.openid, args.cursor, args.limit ?? PAGE)
    },
  }),

  adjust: action({
    who: 'admin',
    schema: schemas.store.adjust,
    async run(args, ctx) {
      const guard = adjustId(args.openid, args.requestId)
      return transact(
        async (t) => {
          const member = await requireShopper(t, args.openid)
          const outcome = adjustPoints(member, args.delta, args.reason, args.requestId, ctx.rules, ctx.now)
          await storeOutcome(
            t,
            outcome,
            false,
            audit(t, ctx, guard, 'adjust', args.openid, { delta: args.delta, reason: args.reason, balance: outcome.answer.balance }, args.openid),
          )
          return outcome.answer
        },
        { guard, alreadyDone: '这次调整已经完成了' },
      )
    },
  }),

  freeze: action({
    who: 'admin',
    schema: schemas.store.freeze,
    async run(args, ctx) {
      return transact(async (t) => {
        const member = await requireShopper(t, args.openid)
        if ((member.frozen === true) === args.frozen) throw new Refusal('ALREADY_DONE', args.frozen ? '这位会员已经是冻结状态' : '这位会员没有被冻结')
        await Promise.all([
          t
            .collection('members')
            .doc(args.openid)
            .update({ data: { frozen: args.frozen, frozenReason: args.frozen ? args.reason : null, updatedAt: ctx.now } }),
          audit(
            t,
            ctx,
            `freeze:${args.openid}:${ctx.now.toISOString()}`,
            'freeze',
            args.openid,
            { frozen: args.frozen, reason: args.reason },
            args.openid,
          ),
        ])
        return { frozen: args.frozen }
      })
    },
  }),
}
