// The owner's item list: where each item stands and what it is, in a line.
import type { ItemView } from '../../../shared/api'
import { onSale } from '../../../shared/catalog'
import { valueText } from '../../../shared/voucher-value'
import { formatPoints } from './format'
import { ITEM_KINDS } from './item-form'

export interface ItemStatus {
  label: string
  /** green: shoppers can redeem it now; grey: they cannot. */
  tone: 'green' | 'gray'
}

/** 在售, 已下架, 已售罄, 秒杀未开始 or 秒杀已结束, as of `now`. */
export function itemStatus(item: ItemView, now: Date): ItemStatus {
  if (!item.active) return { label: '已下架', tone: 'gray' }
  if (item.saleStart && now.getTime() < Date.parse(item.saleStart)) return { label: '秒杀未开始', tone: 'gray' }
  if (!onSale({ ...item, _id: item.id }, now)) return { label: '秒杀已结束', tone: 'gray' }
  if (item.stock <= 0) return { label: '已售罄', tone: 'gray' }
  return { label: '在售', tone: 'green' }
}

/** `优惠券 · 1,000 积分 · 库存 50 · 满100减10`. */
export function itemLine(item: ItemView): string {
  const kind = ITEM_KINDS.find((k) => k.value === item.kind)?.label ?? ''
  return [kind, `${formatPoints(item.points)} 积分`, `库存 ${item.stock}`, item.value ? valueText(item.value) : ''].filter(Boolean).join(' · ')
}
