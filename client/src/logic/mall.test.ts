import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../services/contract'
import { handledLine, itemView, recommendation, showsPendingCode, voucherStatus } from './mall'

const item = (id: string, name: string, points: number, stock = 10): CatalogItem =>
  ({ id, name, kind: 'voucher', points, stock, affordable: false }) as unknown as CatalogItem

const catalog = [item('free_delivery', '免费配送券', 200), item('coffee', '中杯咖啡', 500), item('coupon_10', '10元优惠券', 1000)]

describe('points mall', () => {
  it('says how many points are missing for an item out of reach', () => {
    expect(itemView(catalog[1]!, 300)).toMatchObject({ canRedeem: false, note: '还差 200 积分' })
    expect(itemView(catalog[1]!, 500)).toMatchObject({ canRedeem: true, note: '剩余 10' })
  })

  it('puts sold out before affordability', () => {
    expect(itemView(item('coffee', '中杯咖啡', 500, 0), 9999)).toMatchObject({ canRedeem: false, note: '已兑完' })
  })

  it('recommends the cheapest item still out of reach', () => {
    expect(recommendation(300, catalog)).toBe('再攒 200 积分可兑换中杯咖啡')
    expect(recommendation(5000, catalog)).toBeNull()
  })

  it('labels voucher statuses', () => {
    expect(voucherStatus('pending').label).toBe('待使用')
    expect(voucherStatus('fulfilled').label).toBe('已核销')
    expect(voucherStatus('rejected').label).toBe('已驳回')
  })

  it('says when a voucher was fulfilled, rejected or expired, in the merchant zone', () => {
    expect(handledLine({ status: 'fulfilled', handledAt: '2026-11-22T01:05:00Z' })).toBe('核销时间 2026-11-22 09:05')
    expect(handledLine({ status: 'rejected', handledAt: '2026-11-22T01:05:00Z' })).toBe('驳回时间 2026-11-22 09:05')
    expect(handledLine({ status: 'pending', handledAt: null })).toBeNull()
    expect(handledLine({ status: 'fulfilled', handledAt: null })).toBeNull()
  })

  it('keeps polling only while a pending voucher shows its code', () => {
    expect(showsPendingCode([{ status: 'fulfilled' }, { status: 'pending' }])).toBe(true)
    expect(showsPendingCode([{ status: 'fulfilled' }, { status: 'expired' }])).toBe(false)
  })
})
