/** exchange: the points mall — catalog, redeeming an item for a voucher, the shopper's vouchers. */
import { campaignsToday } from '../../shared/campaigns'
import { randomCode } from '../../shared/codes'
import { tierHeld } from '../../shared/tiers'
import { memberAsOf, redeem, voucherView, type Item, type Member, type VoucherDoc } from '../../shared/member'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { aboveTier, listed } from '../../shared/catalog'
import { createDoc, db, getDoc, tempUrls } from '../common/cloud'
import { requireMember, storeOutcome } from '../common/members'
import { action, createMain } from '../common/router'
import { transact } from '../common/transact'
import { draw, lottery } from './draw'

export const actions = {
  catalog: action({
    who: 'member',
    schema: schemas.exchange.catalog,
    async run(_args, ctx) {
      const [member, res] = await Promise.all([
        getDoc<Member>(db, 'members', ctx.openid),
        db.collection('items').where({ active: true }).limit(100).get(),
      ])
      // as of now: points past their expiry instant never count, even before the nightly job removes them
      const current = member ? memberAsOf(member, ctx.rules, ctx.now) : null
      const balance = current?.balance ?? 0
      const campaigns = campaignsToday(ctx.rules, ctx.now, member ? tierHeld(ctx.rules, member).id : null)
      const items = (res.data as Item[]).filter((i) => listed(i, ctx.now)).sort((a, b) => a.points - b.points || a._id.localeCompare(b._id))
      const images = await tempUrls([...new Set(items.flatMap((i) => (i.image ? [i.image] : [])))])
      return {
        items: items.map((i) => {
          const above = aboveTier(i, current, ctx.rules)
          const minTier = ctx.rules.tiers.find((t) => t.id === i.minTier)
          return {
            id: i._id,
            name: i.name,
            kind: i.kind,
            points: i.points,
            stock: i.stock,
            affordable: i.stock > 0 && i.points <= balance && !above,
            description: i.description ?? '',
            imageUrl: (i.image && images.get(i.image)) || null,
            minTier: minTier ? { id: minTier.id, name: minTier.name } : null,
            aboveTier: above,
            saleEnd: i.saleEnd ?? null,
            value: i.value ?? null,
          }
        }),
        campaigns,
      }
    },
  }),

  redeem: action({
    who: 'member',
    schema: schemas.exchange.redeem,
    async run(args, ctx) {
      return transact(
        async (t) => {
          const [member, item] = await Promise.all([requireMember(t, ctx.openid), getDoc<Item>(t, 'items', args.itemId)])
          if (!item) throw new Refusal('NOT_FOUND', '没有这个商品')
          const outcome = redeem(member, item, args.requestId, randomCode(), ctx.rules, ctx.now)
          await storeOutcome(
            t,
            outcome,
            false,
            t
              .collection('items')
              .doc(item._id)
              .update({ data: { stock: outcome.answer.item.stock } }),
            createDoc(t, 'vouchers', outcome.answer.voucher),
          )
          return { voucher: voucherView(outcome.answer.voucher), balance: outcome.answer.balance }
        },
        { guard: `redeem:${ctx.openid}:${args.requestId}`, alreadyDone: '这次兑换已经完成了' },
      )
    },
  }),

  vouchers: action({
    who: 'member',
    schema: schemas.exchange.vouchers,
    async run(args, ctx) {
      const where = args.status ? { openid: ctx.openid, status: args.status } : { openid: ctx.openid }
      const res = await db.collection('vouchers').where(where).orderBy('createdAt', 'desc').limit(100).get()
      return { vouchers: (res.data as VoucherDoc[]).map(voucherView) }
    },
  }),
  draw,
  lottery,
}

export const main = createMain(actions)
