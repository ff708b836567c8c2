/** store at the till: the clerk's checkout of a 会员码, the shopper's preview, the clerk's polling, refunds. */
import { checkout, previewCheckout, previewPurchase } from '../../shared/checkout'
import type { PurchaseDoc, VoucherDoc } from '../../shared/member'
import { purchaseView } from '../../shared/member'
import type { MemberCodeDoc } from '../../shared/member-code'
import { refundPurchase, type RefundAnswer } from '../../shared/refund'
import { checkoutRefusal } from '../../shared/limits'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import type { Purchase } from '../../shared/api'
import { audit } from '../common/audit'
import { createDoc, db, getDoc, putDoc, type Store } from '../common/cloud'
import { findMember, requireMember, storeOutcome } from '../common/members'
import { action } from '../common/router'
import { transact } from '../common/transact'
import { tierHeld } from '../../shared/tiers'
import { voucherAfterRefund } from '../../shared/voucher-use'
import { claimWrites, inviterOf, loadClaimExtras, pendingVouchers } from './claim-extras'

interface OrderDoc {
  _id: string
  code: string
}

interface RefundDoc {
  _id: string
  orderId: string
  refundId: string
  amountFen: number
  by: string
  at: Date
  answer: RefundAnswer & { purchase: Purchase }
}

/** A purchase by its order number (unique index), or null. */
export async function findPurchase(store: Store, orderId: string): Promise<PurchaseDoc | null> {
  const res = await store.collection('purchases').where({ orderId }).limit(1).get()
  return (res.data[0] ?? null) as PurchaseDoc | null
}

async function requirePurchase(orderId: string): Promise<PurchaseDoc> {
  const found = await findPurchase(db, orderId)
  if (!found) throw new Refusal('NOT_FOUND', '没有找到这笔订单，请核对订单号')
  return found
}

export const counter = {
  checkout: action({
    who: 'staff',
    schema: schemas.store.checkout,
    async run(args, ctx) {
      return transact(async (t) => {
        const [order, code] = await Promise.all([
          getDoc<OrderDoc>(t, 'orders', args.orderId),
          getDoc<MemberCodeDoc>(t, 'memberCodes', args.memberCode),
        ])
        if (order) return { purchase: await sameCheckout(t, order, args.memberCode, ctx.now) }
        if (!code) throw new Refusal('NOT_FOUND', '会员码无效，请顾客刷新会员码后重新扫码')
        const tooLarge = checkoutRefusal(ctx.staff?.role ?? 'staff', args.amountFen, ctx.rules)
        if (tooLarge) throw tooLarge
        // a member whose account is being deleted has no 会员码 to check out with
        const member = await findMember(t, code.openid)
        if (!member) throw new Refusal('NOT_FOUND', '会员码无效，请顾客刷新会员码后重新扫码')
        const outcome = checkout(member, code, args, ctx.openid, ctx.rules, ctx.now, await loadClaimExtras(t, member, args.voucherCode))
        const p = outcome.purchase
        await storeOutcome(
          t,
          outcome,
          false,
          createDoc(t, 'orders', { _id: args.orderId, code: code._id, createdAt: ctx.now }),
          createDoc(t, 'purchases', p),
          t
            .collection('memberCodes')
            .doc(code._id)
            .update({ data: { usedAt: ctx.now, orderId: args.orderId } }),
          audit(
            t,
            ctx,
            `checkout:${args.orderId}`,
            'checkout',
            args.orderId,
            { amountFen: p.amountFen, payFen: p.claim?.payFen, deductedPoints: p.claim?.deductedPoints, voucherCode: p.claim?.voucherCode },
            member._id,
          ),
          ...claimWrites(t, outcome),
        )
        return { purchase: purchaseView(p, ctx.now) }
      })
    },
  }),

  previewPurchase: action({
    who: 'member',
    schema: schemas.store.previewPurchase,
    async run(args, ctx) {
      const [purchase, member, held] = await Promise.all([
        getDoc<PurchaseDoc>(db, 'purchases', args.code),
        requireMember(db, ctx.openid),
        pendingVouchers(ctx.openid),
      ])
      if (!purchase) throw new Refusal('NOT_FOUND', '积分码无效')
      const voucher =
        args.voucherCode === undefined
          ? undefined
          : (held.find((v) => v._id === args.voucherCode) ?? (await getDoc<VoucherDoc>(db, 'vouchers', args.voucherCode)))
      return previewPurchase(member, purchase, { points: args.pointsToUse, voucher }, held, ctx.rules, ctx.now)
    },
  }),

  checkoutPreview: action({
    who: 'staff',
    schema: schemas.store.checkoutPreview,
    async run(args, ctx) {
      const code = await getDoc<MemberCodeDoc>(db, 'memberCodes', args.memberCode)
      const member = code ? await findMember(db, code.openid) : null
      if (!code || !member) throw new Refusal('NOT_FOUND', '会员码无效，请顾客刷新会员码后重新扫码')
      const held = await pendingVouchers(member._id)
      const voucher = args.voucherCode === undefined ? undefined : await getDoc<VoucherDoc>(db, 'vouchers', args.voucherCode)
      const preview = previewCheckout(member, code, { ...args, orderId: 'preview' }, { voucher }, held, ctx.rules, ctx.now)
      return { ...preview, member: { nickname: member.nickname, tier: tierHeld(ctx.rules, member).name } }
    },
  }),

  purchase: action({
    who: 'staff',
    schema: schemas.store.purchase,
    async run(args, ctx) {
      return { purchase: purchaseView(await requirePurchase(args.orderId), ctx.now) }
    },
  }),

  refund: action({
    who: 'staff',
    schema: schemas.store.refund,
    async run(args, ctx) {
      const limit = ctx.rules.counter.maxRefundFen
      if (args.amountFen > limit && ctx.staff?.role !== 'admin')
        throw new Refusal('PERMISSION_DENIED', `超过 ${(limit / 100).toFixed(2)} 元的退款需要店长操作`)
      // the order → purchase link never changes, so it is read once outside the transaction
      const found = await requirePurchase(args.orderId)
      const guard = `${args.orderId}:${args.refundId}`
      // no guard option: a twin racing on the refund's id meets a commit conflict, is retried, and then answers as the first
      return transact(async (t) => {
        const [done, purchase, member] = await Promise.all([
          getDoc<RefundDoc>(t, 'refunds', guard),
          getDoc<PurchaseDoc>(t, 'purchases', found._id),
          // a deleted (or deleting) account gets its money back, but no points move: there is no member to move them
          found.claimedBy ? findMember(t, found.claimedBy) : null,
        ])
        if (done) return sameRefund(done, args.amountFen)
        if (!purchase) throw new Refusal('NOT_FOUND', '没有找到这笔订单，请核对订单号')
        // claimed since it was looked up: its member was not read with it
        if (purchase.claimedBy !== found.claimedBy) throw new Refusal('CONFLICT', '订单刚刚有变化，请再试一次')
        // a first purchase that paid the referral gives it back from both when refunded in full
        const referral = purchase.claim?.referral && member?.invitedBy ? await inviterOf(t, member) : null
        const outcome = refundPurchase(member, purchase, args.refundId, args.amountFen, ctx.rules, ctx.now, referral)
        const answer = { purchase: purchaseView(outcome.purchase, ctx.now), ...outcome.answer }
        const used = purchase.claim?.voucherCode ? await getDoc<VoucherDoc>(t, 'vouchers', purchase.claim.voucherCode) : null
        // a voucher used on an order refunded in full comes back, with the validity it had left
        const returned = voucherAfterRefund(used, purchase.orderId, outcome.purchase.status === 'refunded', ctx.now)
        const writes = [
          ...claimWrites(t, { voucher: returned, inviter: outcome.inviter }),
          putDoc(t, 'purchases', outcome.purchase),
          createDoc(t, 'refunds', {
            _id: guard,
            orderId: args.orderId,
            refundId: args.refundId,
            amountFen: args.amountFen,
            by: ctx.openid,
            at: ctx.now,
            answer,
          }),
          audit(
            t,
            ctx,
            `refund:${guard}`,
            'refund',
            args.orderId,
            { refundId: args.refundId, amountFen: args.amountFen, clawedBack: answer.clawedBack, returnedPoints: answer.returnedPoints },
            purchase.claimedBy,
          ),
        ]
        await (outcome.member ? storeOutcome(t, { ...outcome, member: outcome.member }, false, ...writes) : Promise.all(writes))
        return answer
      })
    },
  }),
}

/** The same order checked out again with the same code answers its purchase again; with another code it is refused. */
async function sameCheckout(t: Store, order: OrderDoc, memberCode: string, now: Date): Promise<Purchase> {
  const purchase = await getDoc<PurchaseDoc>(t, 'purchases', order.code)
  if (order.code !== memberCode || !purchase) throw new Refusal('ALREADY_DONE', '这个订单号已经结过账了，请换一个订单号')
  return purchaseView(purchase, now)
}

/** A refund asked again answers as the first time; the same refund id for another amount is refused. */
function sameRefund(done: RefundDoc, amountFen: number): RefundDoc['answer'] {
  if (done.amountFen !== amountFen) throw new Refusal('ALREADY_DONE', '这个退款单号已经用过了，请换一个退款单号')
  return done.answer
}
