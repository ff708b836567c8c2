/** exchange.draw: the points lottery. Pays the cost, draws from the prizes in stock with Web Crypto, and answers a repeated requestId with its first answer. */
import { randomCode } from '../../shared/codes'
import { dayOf } from '../../shared/calendar'
import { usageIds } from '../../shared/limits'
import {
  cryptoRandom,
  drawablePrizes,
  drawOutcome,
  drawRefusal,
  lotteryView,
  pickPrize,
  type DrawAnswer,
  type RandomSource,
} from '../../shared/lottery'
import type { Item } from '../../shared/member'
import { schemas } from '../../shared/schemas'
import { createDoc, db, getDoc } from '../common/cloud'
import { requireMember, storeOutcome } from '../common/members'
import { action, type Context } from '../common/router'
import { transact } from '../common/transact'
import { countUse, usedSoFar } from '../common/usage'

interface DrawDoc {
  _id: string
  openid: string
  requestId: string
  prizeId: string
  answer: DrawAnswer
  at: Date
}

/** One draw in one transaction: the prize items' stock is read and written with the member, so stock never goes below zero. */
export function drawOnce(requestId: string, ctx: Context, random: RandomSource): Promise<DrawAnswer> {
  const drawId = `${ctx.openid}:${requestId}`
  const { prizes } = ctx.rules.lottery
  const day = dayOf(ctx.now, ctx.rules.timeZone)
  const usageId = usageIds.draws(ctx.openid, day)
  const itemIds = [...new Set(prizes.flatMap((p) => (p.itemId ? [p.itemId] : [])))]
  // a rush on the same requestId collides on the draw's id and retries into the stored answer
  return transact(async (t) => {
    const [member, done, drawnToday, ...items] = await Promise.all([
      requireMember(t, ctx.openid),
      getDoc<DrawDoc>(t, 'draws', drawId),
      usedSoFar(t, usageId),
      ...itemIds.map((id) => getDoc<Item>(t, 'items', id)),
    ])
    if (done) return done.answer
    const refusal = drawRefusal(ctx.rules, day, drawnToday)
    if (refusal) throw refusal
    const itemOf = (id: string): Item | null => items.find((i) => i?._id === id) ?? null
    const stockOf = (id: string): number => {
      const item = itemOf(id)
      return item?.active ? item.stock : 0
    }
    const prize = pickPrize(drawablePrizes(prizes, stockOf), random, prizes)
    const item = prize.itemId ? itemOf(prize.itemId) : null
    const outcome = drawOutcome(member, prize, item, requestId, randomCode(), ctx.rules, ctx.now)
    const answer: DrawAnswer = { prize: outcome.answer.prize, balance: outcome.answer.balance }
    const voucher = outcome.answer.voucher
    await storeOutcome(
      t,
      outcome,
      false,
      createDoc(t, 'draws', { _id: drawId, openid: ctx.openid, requestId, prizeId: prize.id, answer, at: ctx.now } satisfies DrawDoc),
      countUse(t, usageId, ctx.openid, drawnToday, ctx.now),
      ...(voucher && item
        ? [
            createDoc(t, 'vouchers', voucher),
            t
              .collection('items')
              .doc(item._id)
              .update({ data: { stock: item.stock - 1 } }),
          ]
        : []),
    )
    return answer
  })
}

export const draw = action({
  who: 'member',
  schema: schemas.exchange.draw,
  run: (args, ctx) => drawOnce(args.requestId, ctx, cryptoRandom),
})

export const lottery = action({
  who: 'member',
  schema: schemas.exchange.lottery,
  async run(_args, ctx) {
    const day = dayOf(ctx.now, ctx.rules.timeZone)
    return lotteryView(ctx.rules, day, await usedSoFar(db, usageIds.draws(ctx.openid, day)))
  },
})
