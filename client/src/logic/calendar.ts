export interface CalendarCell {
  day: string | null
  date: number
  checked: boolean
  bonus: boolean
}

// A month as rows of Monday-first weeks, blank cells before the 1st; checked days and streak bonus days marked.
export function monthGrid(month: string, checkedDays: string[], bonusDays: string[] = []): CalendarCell[][] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 1, 1))
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const checked = new Set(checkedDays)
  const bonus = new Set(bonusDays)
  const blank: CalendarCell = { day: null, date: 0, checked: false, bonus: false }
  const cells: CalendarCell[] = Array.from({ length: lead }, () => ({ ...blank }))
  for (let d = 1; d <= daysInMonth; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`
    cells.push({ day, date: d, checked: checked.has(day), bonus: bonus.has(day) })
  }
  while (cells.length % 7) cells.push({ ...blank })
  const rows: CalendarCell[][] = []
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7))
  return rows
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
