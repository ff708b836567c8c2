import { describe, expect, it } from 'vitest'
import type { Purchase } from '../services/contract'
import {
  capLabel,
  chargeLines,
  formatCountdown,
  groupDigits,
  memberCodeUsed,
  purchaseStage,
  orderLines,
  refreshDelay,
  refundableFen,
  secondsLeft,
  stepCap,
  stepPoints,
  voucherGain,
} from './till'

const purchase = (over: Partial<Purchase> = {}): Purchase => ({
  orderId: 'o-1',
  status: 'claimed',
  amountFen: 120_00,
  tierDiscountFen: 0,
  voucherOffFen: 0,
  deductedPoints: 185,
  payFen: 118_15,
  awarded: 118,
  refundedFen: 0,
  member: { nickname: '小王', tier: '普通会员' },
  claimedAt: '2026-11-22T01:00:00Z',
  expiresAt: '2026-11-22T01:10:00Z',
  ...over,
})

describe('the 会员码 page', () => {
  it('groups the digits in fours for reading aloud', () => {
    expect(groupDigits('12345678901234567890')).toBe('1234 5678 9012 3456 7890')
  })

  it('refreshes 5 s before expiry, never sooner than 10 s nor later than 55 s after the code came', () => {
    const now = Date.parse('2026-11-22T01:00:00Z')
    expect(refreshDelay('2026-11-22T01:01:00Z', now)).toBe(55_000)
    expect(refreshDelay('2026-11-22T01:00:30Z', now)).toBe(25_000)
    // a phone clock running two minutes ahead: every code looks expired, yet it does not refresh in a loop
    expect(refreshDelay('2026-11-22T00:59:00Z', now)).toBe(10_000)
    // a phone clock running behind: still refreshed before the server's 60 s are up
    expect(refreshDelay('2026-11-22T01:05:00Z', now)).toBe(55_000)
  })

  it('knows the clerk used the code when the spend or balance moved', () => {
    expect(memberCodeUsed({ balance: 100, totalSpentFen: 0 }, { balance: 100, totalSpentFen: 0 })).toBe(false)
    expect(memberCodeUsed({ balance: 100, totalSpentFen: 0 }, { balance: 100, totalSpentFen: 500 })).toBe(true)
    expect(memberCodeUsed({ balance: 300, totalSpentFen: 500 }, { balance: 200, totalSpentFen: 500 })).toBe(true)
  })

  it('steps the optional cap up from no cap and back down to no cap', () => {
    expect(stepCap(null, 1)).toBe(100)
    expect(stepCap(100, 1)).toBe(200)
    expect(stepCap(200, -1)).toBe(100)
    expect(stepCap(100, -1)).toBeNull()
    expect(stepCap(null, -1)).toBeNull()
    expect(capLabel(null)).toBe('不限（按订单最多可抵）')
    expect(capLabel(1500)).toBe('最多 1,500 积分')
  })
})

describe("the shopper's preview", () => {
  it('steps points within 0 and the cap the server sent', () => {
    expect(stepPoints(0, 1, 1000)).toBe(100)
    expect(stepPoints(950, 1, 1000)).toBe(1000)
    expect(stepPoints(50, -1, 1000)).toBe(0)
    expect(stepPoints(0, 1, 0)).toBe(0)
    expect(stepPoints(300, 1, 185)).toBe(185)
  })
})

describe("the clerk's screen", () => {
  it('counts down the open code in minutes and seconds, never below zero', () => {
    const now = Date.parse('2026-11-22T01:00:00Z')
    expect(secondsLeft('2026-11-22T01:09:59.500Z', now)).toBe(600)
    expect(formatCountdown(600)).toBe('10:00')
    expect(formatCountdown(61)).toBe('1:01')
    expect(secondsLeft('2026-11-22T00:59:00Z', now)).toBe(0)
    expect(secondsLeft('garbage', now)).toBe(0)
  })

  it('names each stage and stops polling once it is final', () => {
    expect(purchaseStage('open')).toEqual({ label: '待领取', tone: 'orange', final: false })
    expect(purchaseStage('claimed')).toMatchObject({ label: '已领取', final: true })
    expect(purchaseStage('expired')).toMatchObject({ label: '已过期', final: true })
    expect(purchaseStage('partlyRefunded').label).toBe('部分退款')
    expect(purchaseStage('refunded').label).toBe('已退款')
  })

  it('lists the sums down to the points used and earned', () => {
    expect(chargeLines(purchase())).toEqual([
      { key: 'amount', label: '订单金额', value: '¥120.00' },
      { key: 'points', label: '积分抵扣', value: '185 积分（-¥1.85）' },
      { key: 'awarded', label: '获得积分', value: '+118' },
    ])
    const discounted = chargeLines(purchase({ tierDiscountFen: 500, deductedPoints: 0, payFen: 115_00, refundedFen: 5000 }))
    expect(discounted.map((l) => [l.label, l.value])).toEqual([
      ['订单金额', '¥120.00'],
      ['会员折扣', '-¥5.00'],
      ['积分抵扣', '未使用'],
      ['获得积分', '+118'],
      ['已退款', '¥50.00'],
    ])
  })

  it('refunds at most what is left of what was paid, and nothing of an open or expired code', () => {
    expect(refundableFen(purchase())).toBe(118_15)
    expect(refundableFen(purchase({ status: 'partlyRefunded', refundedFen: 50_00 }))).toBe(68_15)
    expect(refundableFen(purchase({ status: 'refunded', refundedFen: 118_15 }))).toBe(0)
    expect(refundableFen(purchase({ status: 'open' }))).toBe(0)
    expect(refundableFen(purchase({ status: 'expired' }))).toBe(0)
  })
})

describe('vouchers and tagged lines at the till', () => {
  it('says what a voucher does to the order', () => {
    expect(voucherGain({ offFen: 1000, multiplier: 1 })).toBe('-¥10.00')
    expect(voucherGain({ offFen: 0, multiplier: 2 })).toBe('积分×2')
  })

  it("reads the clerk's tagged lines, dropping blank rows", () => {
    expect(
      orderLines(
        [
          { tag: 'new', yuan: '30' },
          { tag: '', yuan: '' },
        ],
        100_00,
      ),
    ).toEqual({ lines: [{ tag: 'new', amountFen: 30_00 }] })
    expect(orderLines([], 100_00)).toEqual({ lines: [] })
  })

  it('refuses lines it cannot read or that add up to more than the order', () => {
    expect(orderLines([{ tag: '', yuan: '30' }], 100_00)).toEqual({ error: '第 1 行：请填写活动的商品类别' })
    expect(orderLines([{ tag: 'new', yuan: 'abc' }], 100_00)).toEqual({ error: '第 1 行：请输入正确的金额，例如 12 或 12.50' })
    expect(
      orderLines(
        [
          { tag: 'a', yuan: '60' },
          { tag: 'b', yuan: '50' },
        ],
        100_00,
      ),
    ).toEqual({ error: '分项金额合计不能超过订单金额' })
  })
})
