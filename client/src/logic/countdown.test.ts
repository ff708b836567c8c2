import { describe, expect, it } from 'vitest'
import { msUntil, remainingText } from './countdown'

describe('countdowns', () => {
  it('reads days and hours far off, a clock near the end', () => {
    expect(remainingText((2 * 24 + 5) * 3600_000 + 59_000)).toBe('2天5小时')
    expect(remainingText(3 * 3600_000 + 7 * 60_000)).toBe('3小时07分')
    expect(remainingText(4 * 60_000 + 9_500)).toBe('04:09')
    expect(remainingText(-5_000)).toBe('00:00')
  })

  it('measures to an instant', () => {
    expect(msUntil('2026-01-01T00:00:10Z', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000)
    expect(msUntil('not a date', 0)).toBe(0)
  })
})
