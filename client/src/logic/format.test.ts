import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatPoints,
  formatSignedPoints,
  formatYuan,
  parseYuanToFen,
  reasonLabel,
  shiftDay,
  todayInShanghai,
} from './format'

describe('money and points formatting', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatYuan(3850)).toBe('¥38.50')
    expect(formatYuan(5)).toBe('¥0.05')
    expect(formatYuan(-120)).toBe('-¥1.20')
  })

  it('parses what a clerk types into integer fen', () => {
    expect(parseYuanToFen('38')).toBe(3800)
    expect(parseYuanToFen('38.5')).toBe(3850)
    expect(parseYuanToFen(' 0.07 ')).toBe(7)
    expect(parseYuanToFen('19.99')).toBe(1999)
  })

  it('refuses amounts that are not a positive price', () => {
    for (const bad of ['', '0', '0.00', '-5', '1.234', 'abc', '1e5', '12345678', 'NaN']) expect(parseYuanToFen(bad)).toBeNull()
  })

  it('groups thousands and signs ledger deltas', () => {
    expect(formatPoints(12345)).toBe('12,345')
    expect(formatSignedPoints(5)).toBe('+5')
    expect(formatSignedPoints(-500)).toBe('-500')
    expect(formatSignedPoints(0)).toBe('0')
  })
})

describe('dates in the merchant zone', () => {
  it('shows instants in Asia/Shanghai', () => {
    expect(formatDate('2027-11-30T15:59:59.000Z')).toBe('2027-11-30')
    expect(formatDate('2026-11-22T16:00:00.000Z')).toBe('2026-11-23')
    expect(formatDateTime('2026-11-22T01:05:00Z')).toBe('2026-11-22 09:05')
  })

  it('knows today and shifts days across months', () => {
    expect(todayInShanghai(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01')
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28')
    expect(shiftDay('2026-11-22', -6)).toBe('2026-11-16')
  })

  it('names ledger reasons in Chinese and keeps unknown ones', () => {
    expect(reasonLabel('checkin')).toBe('每日签到')
    expect(reasonLabel('redeem')).toBe('积分兑换')
    expect(reasonLabel('mystery')).toBe('mystery')
  })

  it("shows the server's sentence as it is, even when an order number in it holds a machine word", () => {
    const clawback = '订单 A-pay-7 退款 60.00 元，收回消费获得的 60 积分'
    const returned = '订单 refund-first 退款 60.00 元，退回抵扣的 50 积分'
    expect(reasonLabel(clawback)).toBe(clawback)
    expect(reasonLabel(returned)).toBe(returned)
  })
})
