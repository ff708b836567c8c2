import { describe, expect, it } from 'vitest'
import { expiresSoon, expiryCountdown } from './vouchers'

const now = Date.parse('2026-03-01T00:00:00Z')

describe("a voucher's time left", () => {
  it('counts down to its expiry in words', () => {
    expect(expiryCountdown('2026-03-03T05:00:00Z', now)).toBe('还有 2天5小时 到期')
    expect(expiryCountdown('2026-03-01T00:10:05Z', now)).toBe('还有 10:05 到期')
    expect(expiryCountdown('2026-02-28T00:00:00Z', now)).toBe('已到期')
  })

  it('warns within the last day', () => {
    expect(expiresSoon('2026-03-01T23:00:00Z', now)).toBe(true)
    expect(expiresSoon('2026-03-02T01:00:00Z', now)).toBe(false)
  })
})
