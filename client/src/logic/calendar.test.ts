import { describe, expect, it } from 'vitest'
import { monthGrid, shiftMonth } from './calendar'

describe('check-in calendar', () => {
  it('lays a month out in Monday-first weeks', () => {
    const rows = monthGrid('2026-11', ['2026-11-02', '2026-11-22'])
    // 1 November 2026 is a Sunday: six blanks first.
    expect(rows[0]!.slice(0, 6).every((c) => c.day === null)).toBe(true)
    expect(rows[0]![6]!.day).toBe('2026-11-01')
    expect(rows.flat().filter((c) => c.day).length).toBe(30)
    expect(
      rows
        .flat()
        .filter((c) => c.checked)
        .map((c) => c.date),
    ).toEqual([2, 22])
    expect(rows.every((r) => r.length === 7)).toBe(true)
  })

  it('marks the streak bonus days apart from the checked ones', () => {
    const cells = monthGrid('2026-11', ['2026-11-02'], ['2026-11-02', '2026-11-09', '2026-12-01']).flat()
    expect(cells.filter((c) => c.bonus).map((c) => c.date)).toEqual([2, 9])
    expect(cells.filter((c) => c.checked).map((c) => c.date)).toEqual([2])
  })

  it('handles leap February and moves across years', () => {
    expect(
      monthGrid('2028-02', [])
        .flat()
        .filter((c) => c.day).length,
    ).toBe(29)
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
  })
})
