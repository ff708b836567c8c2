import { describe, expect, it } from 'vitest'
import type { ItemView } from '../../../shared/api'
import { itemLine, itemStatus } from './owner-items'

const item: ItemView = { id: 'c', name: '券', kind: 'coupon', points: 1000, stock: 5, validDays: 30, perMemberLimit: null, active: true }
const now = new Date('2026-05-01T02:00:00Z')

describe("the owner's item list", () => {
  it('says whether shoppers can redeem an item now, and why not', () => {
    expect(itemStatus(item, now)).toEqual({ label: '在售', tone: 'green' })
    expect(itemStatus({ ...item, active: false }, now).label).toBe('已下架')
    expect(itemStatus({ ...item, stock: 0 }, now).label).toBe('已售罄')
    expect(itemStatus({ ...item, saleStart: '2026-05-01T03:00:00Z' }, now).label).toBe('秒杀未开始')
    expect(itemStatus({ ...item, saleEnd: '2026-05-01T01:00:00Z' }, now)).toEqual({ label: '秒杀已结束', tone: 'gray' })
  })

  it('sums an item up in a line', () => {
    expect(itemLine({ ...item, value: { type: 'amountOff', offFen: 1000, minSpendFen: 10000 } })).toBe('优惠券 · 1,000 积分 · 库存 5 · 满100减10')
    expect(itemLine({ ...item, kind: 'goods' })).toBe('实物 · 1,000 积分 · 库存 5')
  })
})
