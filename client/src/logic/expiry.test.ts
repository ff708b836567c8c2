import { describe, expect, it } from 'vitest'
import { expiryLines } from './expiry'

describe('points expiry on the home page', () => {
  const now = new Date('2026-11-22T04:00:00Z')

  it('flags lots that expire within 30 days and counts the days left', () => {
    const [soon, later] = expiryLines(
      [
        { points: 40, expiresAt: '2026-11-30T15:59:59.999Z' },
        { points: 100, expiresAt: '2027-11-30T15:59:59.999Z' },
      ],
      now,
    )
    expect(soon).toMatchObject({ points: 40, date: '2026-11-30', soon: true, daysLeft: 9 })
    expect(later).toMatchObject({ points: 100, date: '2027-11-30', soon: false })
  })

  it('never counts negative days for a lot already due', () => {
    expect(expiryLines([{ points: 5, expiresAt: '2026-11-01T00:00:00Z' }], now)[0]!.daysLeft).toBe(0)
  })
})
