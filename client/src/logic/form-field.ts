// A form field of the owner's pages: what it holds and how text as typed becomes a value and back; values at dotted paths.
import { yuan } from '../../../shared/money'
import { parseYuanToFen } from './format'

/**
 * How a field is typed: `int` whole numbers, `yuan` money typed in 元 and stored in fen, `rate` a decimal, `text`/`day` as typed,
 * `intList`/`textList` several values separated by commas, `datetime` a merchant-local `YYYY-MM-DD HH:mm`, and chips: `tier`, `item`,
 * `mode` (tier policy), `weekdays`.
 */
export type FieldKind = 'int' | 'yuan' | 'rate' | 'text' | 'day' | 'intList' | 'textList' | 'tier' | 'item' | 'mode' | 'weekdays' | 'datetime'

export interface FormField {
  /** Dotted; `[]` stands for each entry of a list (`tiers[].rate`). */
  path: string
  label: string
  kind: FieldKind
  unit?: string
  /** May be left empty (the value is then absent). */
  optional?: boolean
  hint?: string
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string }

const LIST_SEPARATOR = /[,，、\s]+/

/** A field's value as the owner reads and types it: fen in 元, lists joined by commas. */
export function formatValue(field: FormField, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (field.kind === 'yuan' && typeof value === 'number') return yuan(value)
  if (Array.isArray(value)) return value.join(', ')
  // a field holds text, a number or a list: anything else has nothing to show
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** What the owner typed, as the value the rules store; the schema then judges the bounds. */
export function parseText(field: FormField, text: string): Parsed {
  const t = text.trim()
  if (t === '') return field.optional ? { ok: true, value: undefined } : emptyValue(field)
  switch (field.kind) {
    case 'int':
      return /^-?\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, error: '请填写整数' }
    case 'rate':
      return /^\d+(\.\d+)?$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, error: '请填写数字，例如 1.5' }
    case 'yuan':
      return parseYuan(t)
    case 'intList':
      return parseIntList(t)
    case 'textList':
      return { ok: true, value: t.split(LIST_SEPARATOR).filter(Boolean) }
    default:
      return { ok: true, value: t }
  }
}

function emptyValue(field: FormField): Parsed {
  if (field.kind === 'intList' || field.kind === 'textList') return { ok: true, value: [] }
  if (field.kind === 'text' || field.kind === 'day') return { ok: true, value: '' }
  return { ok: false, error: '请填写' }
}

function parseYuan(t: string): Parsed {
  // parseYuanToFen takes amounts above zero; a limit of 0 元 is a number too
  if (/^0+(\.0{1,2})?$/.test(t)) return { ok: true, value: 0 }
  const fen = parseYuanToFen(t)
  return fen === null ? { ok: false, error: '请填写金额，例如 38 或 38.50' } : { ok: true, value: fen }
}

function parseIntList(t: string): Parsed {
  const parts = t.split(LIST_SEPARATOR).filter(Boolean)
  return parts.every((p) => /^\d+$/.test(p)) ? { ok: true, value: parts.map(Number) } : { ok: false, error: '请填写整数，多个用逗号分隔' }
}

/** The value at a dotted path (`tiers.1.rate`). */
export function valueAt(root: unknown, key: string): unknown {
  let value = root
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** A copy of `root` with `value` at the dotted path; undefined removes the key, as an optional rule left empty. */
export function setAt<T>(root: T, key: string, value: unknown): T {
  const [head, ...rest] = key.split('.') as [string, ...string[]]
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string, unknown>
  const next = rest.length ? setAt(copy[head], rest.join('.'), value) : value
  if (next === undefined && !Array.isArray(copy)) delete copy[head]
  else copy[head] = next
  return copy as T
}
