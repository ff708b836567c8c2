/**
 * The demo data the local cloud starts with: the mall catalog, a clerk and an admin, and three
 * shoppers signed up through the `member` function (as the mini-program would do it).
 */
import type { SeedTarget } from '@points-club/wechat-local-cloud'

export const DEMO_ITEMS = [
  { _id: 'free_delivery', name: '免费配送券', kind: 'coupon', points: 200, stock: 100, validDays: 30, active: true },
  { _id: 'coffee', name: '中杯咖啡', kind: 'goods', points: 500, stock: 100, validDays: 30, active: true },
  { _id: 'coupon_10', name: '10元优惠券', kind: 'coupon', points: 1000, stock: 100, validDays: 30, active: true },
  // A monthly pass: one per member.
  { _id: 'video_month', name: '视频网站月卡', kind: 'privilege', points: 5000, stock: 100, validDays: 30, perMemberLimit: 1, active: true },
] as const

export const DEMO_STAFF = [
  { _id: 'demo-staff', role: 'staff', name: '演示店员' },
  { _id: 'demo-admin', role: 'admin', name: '演示店长' },
] as const

export const DEMO_SHOPPERS = ['demo-shopper-1', 'demo-shopper-2', 'demo-shopper-3'] as const

/** Writes the demo documents (replacing any with the same ids) and signs the shoppers up. */
export async function seedDemo(target: SeedTarget): Promise<void> {
  for (const item of DEMO_ITEMS) await target.db.setDocument('items', item)
  for (const person of DEMO_STAFF) await target.db.setDocument('staff', person)
  if (!target.functions.has('member')) return
  for (const openid of DEMO_SHOPPERS) await target.callAs('member', { action: 'login' }, openid)
}
