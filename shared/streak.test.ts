import { describe, expect, it } from 'vitest'
import { continueStreak, currentStreak, streakBonus } from './streak'

describe('streak', () => {
  it('continues across a month end and a year end', () => {
    expect(continueStreak({ count: 3, lastDay: '2026-11-30' }, '2026-12-01')).toEqual({ count: 4, lastDay: '2026-12-01' })
    expect(continueStreak({ count: 6, lastDay: '2026-12-31' }, '2027-01-01')).toEqual({ count: 7, lastDay: '2027-01-01' })
    expect(continueStreak({ count: 9, lastDay: '2028-02-28' }, '2028-02-29').count).toBe(10)
  })

  it('restarts after a missed day', () => {
    expect(continueStreak({ count: 5, lastDay: '2026-11-20' }, '2026-11-22')).toEqual({ count: 1, lastDay: '2026-11-22' })
    expect(continueStreak({ count: 0, lastDay: null }, '2026-11-22').count).toBe(1)
  })

  it('shows a broken streak as zero', () => {
    expect(currentStreak({ count: 5, lastDay: '2026-11-21' }, '2026-11-22')).toBe(5)
    expect(currentStreak({ count: 5, lastDay: '2026-11-20' }, '2026-11-22')).toBe(0)
  })

  it('pays the bonus on every 7th consecutive day', () => {
    expect([6, 7, 8, 14].map((n) => streakBonus(n, 7, 20))).toEqual([0, 20, 0, 20])
  })
})
