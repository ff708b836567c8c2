/** Which mall items a shopper sees and may redeem: active, inside their sale window (秒杀), at or above their minimum tier. */
import type { ItemView } from './api'
import type { Item, Member } from './member'
import { Refusal } from './refusal'
import type { Rules } from './rules'
import { tierHeld } from './tiers'

/** Whether `now` falls inside the item's sale window (an open end never closes). */
export function onSale(item: Item, now: Date): boolean {
  const t = now.getTime()
  return (!item.saleStart || Date.parse(item.saleStart) <= t) && (!item.saleEnd || t < Date.parse(item.saleEnd))
}

/** Shown in the mall: active and on sale. */
export const listed = (item: Item, now: Date): boolean => item.active && onSale(item, now)

/** The item asks for a tier above the one the member holds (a tier the rules no longer name asks for nothing). */
export function aboveTier(item: Item, member: Member | null, rules: Rules): boolean {
  if (!item.minTier) return false
  const needed = rules.tiers.findIndex((t) => t.id === item.minTier)
  if (needed <= 0) return false
  const held = member ? rules.tiers.findIndex((t) => t.id === tierHeld(rules, member).id) : 0
  return held < needed
}

/** Why this member may not redeem the item now, as the refusal a shopper reads; null when they may. */
export function redeemRefusal(item: Item, member: Member, rules: Rules, now: Date): Refusal | null {
  if (!item.active) return new Refusal('NOT_FOUND', '该商品已下架')
  if (item.saleStart && now.getTime() < Date.parse(item.saleStart)) return new Refusal('EXPIRED', '秒杀还没开始，请到开始时间再来兑换')
  if (item.saleEnd && now.getTime() >= Date.parse(item.saleEnd)) return new Refusal('EXPIRED', '秒杀已经结束了')
  if (aboveTier(item, member, rules))
    return new Refusal('PERMISSION_DENIED', `该商品仅限${rules.tiers.find((t) => t.id === item.minTier)?.name ?? '更高等级'}及以上会员兑换`)
  return null
}

/** An item as the owner edits it: its id and fields, without the write time. */
export function itemView(item: Item): ItemView {
  const { _id, updatedAt: _at, ...fields } = item as Item & { updatedAt?: unknown }
  return { id: _id, ...fields, perMemberLimit: fields.perMemberLimit ?? null }
}

/** The owner's list: items on sale first, then by points and id. */
export const byOwnerOrder = (a: Item, b: Item): number => Number(b.active) - Number(a.active) || a.points - b.points || a._id.localeCompare(b._id)
