/** store: staff issue purchase codes and handle vouchers; shoppers claim purchases; admins edit the mall. */
import { itemView } from '../../shared/catalog'
import { openPurchase } from '../../shared/checkout'
import { randomCode } from '../../shared/codes'
import { issueRefusal, usageIds } from '../../shared/limits'
import {
  claimPurchase,
  purchaseView,
  refundVoucher,
  voucherView,
  type Item,
  type Member,
  type PurchaseDoc,
  type VoucherDoc,
} from '../../shared/member'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { tierHeld } from '../../shared/tiers'
import { audit } from '../common/audit'
import { createDoc, db, getDoc, putDoc, type Store } from '../common/cloud'
import { findMember, requireMember, storeOutcome } from '../common/members'
import { action, createMain } from '../common/router'
import { transact } from '../common/transact'
import { countUse, usedSoFar } from '../common/usage'
import { auditTrail } from './audit'
import { items } from './catalog'
import { claimWrites, loadClaimExtras } from './claim-extras'
import { counter } from './counter'
import { exportCsv } from './export'
import { members } from './members'
import { metrics } from './metrics'
import { staff } from './staff'
import { rules } from './rules'

interface OrderDoc {
  _id: string
  code: string
}

async function requireVoucher(store: Store, code: string): Promise<VoucherDoc> {
  const voucher = await getDoc<VoucherDoc>(store, 'vouchers', code)
  if (!voucher) throw new Refusal('NOT_FOUND', '没有找到这张券')
  return voucher
}

/** A voucher that can still be handled at the counter; otherwise the refusal that says why not. */
function requirePending(voucher: VoucherDoc, now: Date): void {
  if (voucher.status === 'fulfilled') throw new Refusal('ALREADY_DONE', '这张券已经核销过了')
  if (voucher.status === 'rejected') throw new Refusal('ALREADY_DONE', '这张券已经退回过了')
  if (voucher.status === 'expired' || voucher.expiresAt.getTime() < now.getTime()) throw new Refusal('EXPIRED', '这张券已过期')
}

/** An item's own fields, without its id and write time: what the audit shows and what decides whether a save changed anything. */
function itemFields(item: Item): Omit<Item, '_id'> {
  const { _id, updatedAt: _at, ...fields } = item as Item & { updatedAt?: Date }
  return fields
}

const sameItem = (a: Item, b: Item): boolean =>
  JSON.stringify(Object.entries(itemFields(a)).sort()) === JSON.stringify(Object.entries(itemFields(b)).sort())

export const actions = {
  issuePurchase: action({
    who: 'staff',
    schema: schemas.store.issuePurchase,
    async run(args, ctx) {
      const multiplier = args.multiplier ?? 1
      if (multiplier > ctx.rules.purchase.maxMultiplier) throw new Refusal('INVALID_ARGUMENT', `积分倍数最多 ${ctx.rules.purchase.maxMultiplier} 倍`)
      return transact(async (t) => {
        const order = await getDoc<OrderDoc>(t, 'orders', args.orderId)
        if (order) {
          const issued = await getDoc<PurchaseDoc>(t, 'purchases', order.code)
          if (!issued) throw new Refusal('INTERNAL', '订单数据异常')
          if (issued.amountFen !== args.amountFen || issued.multiplier !== multiplier)
            throw new Refusal('ALREADY_DONE', '该订单已生成积分码，金额不能修改')
          return { code: issued._id, expiresAt: issued.expiresAt.toISOString(), orderId: issued.orderId, amountFen: issued.amountFen }
        }
        const usageId = usageIds.codesIssued(ctx.openid, ctx.now)
        const issuedThisHour = await usedSoFar(t, usageId)
        const refusal = issueRefusal({ role: ctx.staff?.role ?? 'staff', amountFen: args.amountFen, issuedThisHour }, ctx.rules)
        if (refusal) throw refusal
        const purchase = openPurchase(randomCode(), args, ctx.openid, multiplier, ctx.rules, ctx.now)
        await Promise.all([
          createDoc(t, 'orders', { _id: args.orderId, code: purchase._id, createdAt: ctx.now }),
          createDoc(t, 'purchases', purchase),
          countUse(t, usageId, ctx.openid, issuedThisHour, ctx.now),
          audit(t, ctx, `issuePurchase:${args.orderId}`, 'issuePurchase', args.orderId, { amountFen: args.amountFen, multiplier }),
        ])
        return { code: purchase._id, expiresAt: purchase.expiresAt.toISOString(), orderId: purchase.orderId, amountFen: purchase.amountFen }
      })
    },
  }),

  claimPurchase: action({
    who: 'member',
    schema: schemas.store.claimPurchase,
    async run(args, ctx) {
      return transact(
        async (t) => {
          const [purchase, member] = await Promise.all([getDoc<PurchaseDoc>(t, 'purchases', args.code), requireMember(t, ctx.openid)])
          if (!purchase) throw new Refusal('NOT_FOUND', '积分码无效')
          // a clerk crediting their own till receipts is the classic points fraud
          if (purchase.issuedBy === ctx.openid) throw new Refusal('PERMISSION_DENIED', '店员不能领取自己生成的积分码')
          const extras = await loadClaimExtras(t, member, args.voucherCode)
          const outcome = claimPurchase(member, purchase, args.pointsToUse ?? args.usePoints ?? false, ctx.rules, ctx.now, extras)
          await storeOutcome(t, outcome, false, putDoc(t, 'purchases', outcome.purchase), ...claimWrites(t, outcome))
          return { ...outcome.answer, purchase: purchaseView(outcome.purchase, ctx.now) }
        },
        { guard: `purchase:${args.code}`, alreadyDone: '这笔消费的积分已经领取过了' },
      )
    },
  }),

  lookupVoucher: action({
    who: 'staff',
    schema: schemas.store.lookupVoucher,
    async run(args, ctx) {
      const voucher = await requireVoucher(db, args.code)
      const member = await getDoc<Member>(db, 'members', voucher.openid)
      const tier = member ? tierHeld(ctx.rules, member).name : ''
      return { voucher: voucherView(voucher), member: { nickname: member?.nickname ?? '已注销用户', tier } }
    },
  }),

  fulfilVoucher: action({
    who: 'staff',
    schema: schemas.store.fulfilVoucher,
    async run(args, ctx) {
      return transact(async (t) => {
        const voucher = await requireVoucher(t, args.code)
        requirePending(voucher, ctx.now)
        const done: VoucherDoc = { ...voucher, status: 'fulfilled', handledBy: ctx.openid, updatedAt: ctx.now }
        await Promise.all([
          t
            .collection('vouchers')
            .doc(voucher._id)
            .update({ data: { status: done.status, handledBy: ctx.openid, updatedAt: ctx.now } }),
          audit(t, ctx, `fulfilVoucher:${voucher._id}`, 'fulfilVoucher', voucher._id, { itemId: voucher.itemId }, voucher.openid),
        ])
        return { voucher: voucherView(done) }
      })
    },
  }),

  rejectVoucher: action({
    who: 'staff',
    schema: schemas.store.rejectVoucher,
    async run(args, ctx) {
      return transact(async (t) => {
        const voucher = await requireVoucher(t, args.code)
        if (voucher.status !== 'pending') requirePending(voucher, ctx.now)
        const member = await findMember(t, voucher.openid)
        // a deleted (or deleting) account has nobody to refund
        if (member) await storeOutcome(t, refundVoucher(member, voucher, '被退回', ctx.rules, ctx.now))
        const done: VoucherDoc = { ...voucher, status: 'rejected', handledBy: ctx.openid, rejectReason: args.reason, updatedAt: ctx.now }
        await Promise.all([
          t
            .collection('vouchers')
            .doc(voucher._id)
            .update({ data: { status: 'rejected', handledBy: ctx.openid, rejectReason: args.reason, updatedAt: ctx.now } }),
          audit(
            t,
            ctx,
            `rejectVoucher:${voucher._id}`,
            'rejectVoucher',
            voucher._id,
            { itemId: voucher.itemId, points: voucher.points, reason: args.reason },
            voucher.openid,
          ),
        ])
        return { voucher: voucherView(done) }
      })
    },
  }),

  saveItem: action({
    who: 'admin',
    schema: schemas.store.saveItem,
    async run(args, ctx) {
      const { id, ...rest } = args.item
      if (rest.minTier && !ctx.rules.tiers.some((t) => t.id === rest.minTier))
        throw new Refusal('INVALID_ARGUMENT', '最低会员等级不存在，请从现有等级中选择', 'item.minTier')
      const item: Item = {
        _id: id,
        ...rest,
        validDays: rest.validDays ?? ctx.rules.voucherDays,
        perMemberLimit: rest.perMemberLimit ?? null,
        active: rest.active ?? true,
      }
      await transact(async (t) => {
        const before = await getDoc<Item & { updatedAt?: Date }>(t, 'items', id)
        if (before && sameItem(before, item)) return
        await Promise.all([
          putDoc(t, 'items', { ...item, updatedAt: ctx.now }),
          audit(t, ctx, `saveItem:${id}:${ctx.now.toISOString()}`, 'saveItem', id, {
            before: before ? itemFields(before) : null,
            after: itemFields(item),
          }),
        ])
      })
      return { item: itemView(item) }
    },
  }),
  items,
  ...counter,
  ...members,
  ...staff,
  exportCsv,
  audit: auditTrail,
  metrics,
  rules,
}

export const main = createMain(actions)
