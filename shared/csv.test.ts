import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv'

describe('CSV export', () => {
  it('starts with a BOM and a header, and quotes what needs quoting', () => {
    const csv = toCsv(
      ['昵称', '积分'],
      [
        ['小王, "老客"', 120],
        ['多行\n文本', -5],
      ],
    )
    expect(csv).toBe('\ufeff昵称,积分\r\n"小王, ""老客""",120\r\n"多行\n文本",-5\r\n')
  })

  it('keeps formulas from running in a spreadsheet, but not negative numbers', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'].map(csvCell)).toEqual(['"\'=HYPERLINK(""x"")"', "'+1", "'-2", "'@SUM(A1)"])
    expect(csvCell(-20)).toBe('-20')
    expect(csvCell(null)).toBe('')
  })
})
