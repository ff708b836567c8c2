/** CSV for Excel and CRMs: UTF-8 with a BOM, a header row, RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
export type Cell = string | number | boolean | null | undefined

const BOM = '\ufeff'

/** A cell as text: quoted when it holds a comma, quote or line break; a leading = + - @ (a formula) gets a ' first. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
