import { describe, expect, it } from 'vitest'
import { claimed, refunded, statusOf } from './purchase-status'

const now = new Date('2026-11-22T04:00:00Z')
const later = new Date(now.getTime() + 60_000)
const open = { status: 'open' as const, claimedBy: null, expiresAt: later, refundedFen: 0 }
const paid = { ...open, status: 'claimed' as const, claimedBy: 'u1' }

describe('purchase status', () => {
  it('is expired once an open code passes its expiry, and claimed after a claim', () => {
    expect(statusOf(open, now)).toBe('open')
    expect(statusOf(open, new Date(later.getTime() + 1))).toBe('expired')
    expect(statusOf(paid, new Date(later.getTime() + 1))).toBe('claimed')
    // codes from before statuses were stored
    expect(statusOf({ claimedBy: 'u1', expiresAt: later }, now)).toBe('claimed')
    expect(statusOf({ claimedBy: null, expiresAt: later }, now)).toBe('open')
  })

  it('claims only an open code', () => {
    expect(claimed(open, now)).toBe('claimed')
    expect(() => claimed(paid, now)).toThrow(expect.objectContaining({ code: 'ALREADY_DONE' }))
    expect(() => claimed(open, new Date(later.getTime() + 1))).toThrow(expect.objectContaining({ code: 'EXPIRED' }))
  })

  it('refunds a claimed purchase in parts up to what was paid, then no more', () => {
    expect(refunded(paid, 30_00, 100_00, now)).toBe('partlyRefunded')
    const part = { ...paid, status: 'partlyRefunded' as const, refundedFen: 30_00 }
    expect(() => refunded(part, 70_01, 100_00, now)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }))
    expect(refunded(part, 70_00, 100_00, now)).toBe('refunded')
    expect(() => refunded({ ...part, status: 'refunded', refundedFen: 100_00 }, 1, 100_00, now)).toThrow(
      expect.objectContaining({ code: 'ALREADY_DONE' }),
    )
    expect(() => refunded(open, 1, 100_00, now)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})
