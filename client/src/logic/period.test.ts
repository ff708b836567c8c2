import { describe, expect, it } from 'vitest'
import { lastDays, quickDaysOf, withDay } from './period'

describe('the date range', () => {
  it('takes the last N days up to today, today included', () => {
    expect(lastDays(7, '2026-03-05')).toEqual({ from: '2026-02-27', to: '2026-03-05' })
  })

  it('knows a quick chip from a picked range', () => {
    expect(quickDaysOf({ from: '2026-02-04', to: '2026-03-05' }, '2026-03-05')).toBe(30)
    expect(quickDaysOf({ from: '2026-02-04', to: '2026-03-04' }, '2026-03-05')).toBeNull()
  })

  it('keeps from no later than to whichever end is picked', () => {
    const p = { from: '2026-03-01', to: '2026-03-10' }
    expect(withDay(p, 'from', '2026-03-12')).toEqual({ from: '2026-03-12', to: '2026-03-12' })
    expect(withDay(p, 'to', '2026-02-20')).toEqual({ from: '2026-02-20', to: '2026-02-20' })
    expect(withDay(p, 'to', '2026-03-20')).toEqual({ from: '2026-03-01', to: '2026-03-20' })
  })
})
