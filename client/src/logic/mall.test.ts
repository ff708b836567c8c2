import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../services/contract'
import { handledLine, itemView, onSaleAt, recommendation, redeemQuestion, saleCountdown, tierMark, voucherStatus } from './mall'

const item = (id: string, name: string, points: number, stock = 10): CatalogItem => ({
  id,
  name,
  kind: 'coupon',
  points,
  stock,
  affordable: false,
  description: '',
  imageUrl: null,
  minTier: null,
  aboveTier: false,
  saleEnd: null,
  value: null,
})

const catalog = [item('free_delivery', '免费配送券', 200), item('coffee', '中杯咖啡', 500), item('coupon_10', '10元优惠券', 1000)]

describe('points mall', () => {
  it('says how many points are missing for an item out of reach', () => {
    expect(itemView(catalog[1]!, 300)).toMatchObject({ canRedeem: false, note: '还差 200 积分' })
    expect(itemView(catalog[1]!, 500)).toMatchObject({ canRedeem: true, note: '剩余 10' })
  })

  it('puts sold out before affordability', () => {
    expect(itemView(item('coffee', '中杯咖啡', 500, 0), 9999)).toMatchObject({ canRedeem: false, note: '已兑完' })
  })

  it('keeps an item for higher tiers out of reach, and marks it', () => {
    const gold = { ...catalog[0]!, minTier: { id: 'gold', name: '金卡' }, aboveTier: true }
    expect(itemView(gold, 9999)).toMatchObject({ canRedeem: false, note: '金卡及以上可兑换' })
    expect(tierMark(gold)).toBe('金卡专享')
    expect(tierMark(catalog[0]!)).toBeNull()
  })

  it('counts a 秒杀 down to its end and drops it once over', () => {
    const flash = { saleEnd: '2026-05-01T12:00:00Z' }
    const now = Date.parse('2026-05-01T11:56:51Z')
    expect(saleCountdown(flash, now)).toBe('秒杀 剩 03:09')
    expect(onSaleAt(flash, now)).toBe(true)
    expect(onSaleAt(flash, Date.parse('2026-05-01T12:00:00Z'))).toBe(false)
    expect(saleCountdown({ saleEnd: null }, now)).toBeNull()
    expect(onSaleAt({ saleEnd: null }, now)).toBe(true)
  })

  it('asks to confirm with the item and its points', () => {
    expect(redeemQuestion({ name: '视频网站月卡', points: 5000 })).toBe('确定用 5,000 积分兑换「视频网站月卡」吗？')
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
})
