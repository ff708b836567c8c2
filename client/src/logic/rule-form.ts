// The rules form's arithmetic: text as typed to values and back, values at dotted paths, and where each problem is shown.
import { yuan } from '../../../shared/money'
import { rulesIssues, type RuleIssue, type Rules } from '../../../shared/rules'
import { parseYuanToFen } from './format'
import { RULE_GROUPS, type RuleField } from './rule-fields'

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string }

const LIST_SEPARATOR = /[,，、\s]+/

/** A field's value as the owner reads and types it: fen in 元, lists joined by commas. */
export function formatValue(field: RuleField, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (field.kind === 'yuan' && typeof value === 'number') return yuan(value)
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}

/** What the owner typed, as the value the rules store; the schema then judges the bounds. */
export function parseText(field: RuleField, text: string): Parsed {
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

function emptyValue(field: RuleField): Parsed {
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

/** The concrete keys of a field path in these rules: `tiers[].rate` → `tiers.0.rate`, `tiers.1.rate`, … */
export function keysOf(path: string, rules: Rules): string[] {
  const at = path.indexOf('[]')
  if (at < 0) return [path]
  const list = valueAt(rules, path.slice(0, at))
  const count = Array.isArray(list) ? list.length : 0
  return Array.from({ length: count }, (_, i) => `${path.slice(0, at)}.${i}${path.slice(at + 2)}`)
}

/** Every place the form can show a problem: each field, each list entry, each group, and the page itself (''). */
export function placesOf(rules: Rules): Set<string> {
  const places = new Set<string>([''])
  for (const group of RULE_GROUPS) {
    places.add(group.key)
    for (const field of group.fields) keysOf(field.path, rules).forEach((k) => places.add(k))
    if (!group.list) continue
    places.add(group.list.path)
    keysOf(`${group.list.path}[]`, rules).forEach((k) => places.add(k))
    for (const field of group.list.fields) keysOf(field.path, rules).forEach((k) => places.add(k))
  }
  return places
}

/** The nearest place for a problem's path: itself, or the closest entry or group above it. */
export function placeOf(path: string, places: ReadonlySet<string>): string {
  const parts = path ? path.split('.') : []
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.')
    if (places.has(key)) return key
  }
  return ''
}

/** The first problem at each place. */
export function placeIssues(issues: readonly RuleIssue[], rules: Rules): Record<string, string> {
  const places = placesOf(rules)
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const place = placeOf(issue.path, places)
    out[place] ??= issue.message
  }
  return out
}

/** The rules path a server's refusal names (`rules.checkIn.daily` → `checkIn.daily`), or '' when it names none. */
export function rulePathOf(field: string | undefined): string {
  return field?.startsWith('rules.') ? field.slice('rules.'.length) : ''
}

/** The draft's problems by place, with the same bounds and words the server uses. */
export function draftProblems(rules: Rules): Record<string, string> {
  return placeIssues(rulesIssues(rules), rules)
}
