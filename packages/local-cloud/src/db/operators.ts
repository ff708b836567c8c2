/**
 * Aggregation expression operators where mingo differs from the MongoDB that CloudBase runs, registered over
 * mingo's own: the date operators with `{ date, timezone }`, `$dateToString`, `$indexOfCP`, `$substr`/`$substrBytes`.
 * Semantics: MongoDB's aggregation reference and CloudBase's AggregateCommand pages (developers.weixin.qq.com,
 * wxcloud reference-sdk-api/database/command/aggregate).
 */
import { Context, evalExpr } from 'mingo/core'
import * as accumulator from 'mingo/operators/accumulator'
import * as expression from 'mingo/operators/expression'
import * as pipeline from 'mingo/operators/pipeline'
import * as projection from 'mingo/operators/projection'
import * as query from 'mingo/operators/query'
import * as window from 'mingo/operators/window'
import type { Any, AnyObject, Options } from 'mingo/types'
import { $geoNear, geoQueryOps } from './geo'

type Operator = (obj: AnyObject, expr: Any, options: Options) => Any

/** A date's calendar fields as seen in a time zone. */
interface Local {
  /** The instant shifted by the zone's offset, read with getUTC* methods. */
  wall: Date
  offsetMinutes: number
}

const DAY_MS = 86_400_000
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/
const zoneFormats = new Map<string, Intl.DateTimeFormat>()

/** The zone's UTC offset at `date`, for an Olson name or `+/-hh[:mm]` (MongoDB's two timezone spellings). */
function offsetMinutes(date: Date, timezone: string): number {
  const fixed = OFFSET.exec(timezone)
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0))
  let format = zoneFormats.get(timezone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new Error(`unrecognized time zone identifier: "${timezone}"`)
    }
    zoneFormats.set(timezone, format)
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, Number(p.value)]))
  const wall = Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second)
  return Math.round((wall - (date.getTime() - date.getUTCMilliseconds())) / 60_000)
}

/** Evaluates a date operand: a date expression, or `{ date, timezone }`; undefined for null or missing. */
function localDate(obj: AnyObject, expr: Any, options: Options, op: string): Local | undefined {
  const spec = isSpec(expr) ? (expr as AnyObject) : { date: expr }
  const date = evalExpr(obj, spec.date, options)
  if (date === null || date === undefined) return undefined
  if (!(date instanceof Date)) throw new Error(`${op} requires a date, found ${typeof date}`)
  const tz = spec.timezone === undefined ? undefined : evalExpr(obj, spec.timezone, options)
  if (tz !== undefined && tz !== null && typeof tz !== 'string') throw new Error(`${op}: timezone must be a string`)
  const offset = typeof tz === 'string' ? offsetMinutes(date, tz) : 0
  return { wall: new Date(date.getTime() + offset * 60_000), offsetMinutes: offset }
}

const isSpec = (expr: Any): boolean => expr !== null && typeof expr === 'object' && !Array.isArray(expr) && !(expr instanceof Date) && 'date' in expr

const dayOfYear = (d: Date): number => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1
/** 1 = Monday … 7 = Sunday. */
const isoDayOfWeek = (d: Date): number => d.getUTCDay() || 7
/** Weeks start on Sunday; days before the year's first Sunday are week 0 (strftime %U). */
const week = (d: Date): number => Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7)

/** ISO 8601 week-numbering year and week: the week holding the year's first Thursday is week 1. */
function isoWeekOf(d: Date): { year: number; week: number } {
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - isoDayOfWeek(d)))
  return { year: thursday.getUTCFullYear(), week: Math.ceil(dayOfYear(thursday) / 7) }
}

const FIELDS: Record<string, (d: Date) => number> = {
  $year: (d) => d.getUTCFullYear(),
  $month: (d) => d.getUTCMonth() + 1,
  $dayOfMonth: (d) => d.getUTCDate(),
  $hour: (d) => d.getUTCHours(),
  $minute: (d) => d.getUTCMinutes(),
  $second: (d) => d.getUTCSeconds(),
  $millisecond: (d) => d.getUTCMilliseconds(),
  $dayOfYear: dayOfYear,
  $dayOfWeek: (d) => d.getUTCDay() + 1,
  $week: week,
  $isoWeek: (d) => isoWeekOf(d).week,
  $isoWeekYear: (d) => isoWeekOf(d).year,
  $isoDayOfWeek: isoDayOfWeek,
}

const dateField =
  (op: string, field: (d: Date) => number): Operator =>
  (obj, expr, options) => {
    const local = localDate(obj, expr, options, op)
    return local ? field(local.wall) : null
  }

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0')

/** The specifiers CloudBase documents for dateToString (AggregateCommand.dateToString). */
const SPECIFIERS: Record<string, (l: Local) => string> = {
  d: (l) => pad(l.wall.getUTCDate(), 2),
  G: (l) => pad(isoWeekOf(l.wall).year, 4),
  H: (l) => pad(l.wall.getUTCHours(), 2),
  j: (l) => pad(dayOfYear(l.wall), 3),
  L: (l) => pad(l.wall.getUTCMilliseconds(), 3),
  m: (l) => pad(l.wall.getUTCMonth() + 1, 2),
  M: (l) => pad(l.wall.getUTCMinutes(), 2),
  S: (l) => pad(l.wall.getUTCSeconds(), 2),
  w: (l) => String(l.wall.getUTCDay() + 1),
  u: (l) => String(isoDayOfWeek(l.wall)),
  U: (l) => pad(week(l.wall), 2),
  V: (l) => pad(isoWeekOf(l.wall).week, 2),
  Y: (l) => pad(l.wall.getUTCFullYear(), 4),
  z: (l) => (l.offsetMinutes < 0 ? '-' : '+') + pad(Math.trunc(l.offsetMinutes / 60), 2) + pad(l.offsetMinutes % 60, 2),
  Z: (l) => String(l.offsetMinutes),
  '%': () => '%',
}

function formatDate(local: Local, format: string): string {
  return format.replace(/%(.?)/g, (_all, spec: string) => {
    const render = SPECIFIERS[spec]
    if (!render) throw new Error(`$dateToString: invalid format character '%${spec}' in format string`)
    return render(local)
  })
}

const $dateToString: Operator = (obj, expr, options) => {
  const spec = (expr ?? {}) as AnyObject
  const local = localDate(obj, { date: spec.date, timezone: spec.timezone }, options, '$dateToString')
  if (!local) return spec.onNull === undefined ? null : evalExpr(obj, spec.onNull, options)
  const format = spec.format === undefined ? '%Y-%m-%dT%H:%M:%S.%LZ' : evalExpr(obj, spec.format, options)
  if (typeof format !== 'string') throw new Error('$dateToString: format must be a string')
  return formatDate(local, format)
}

function integerArg(value: Any, op: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${op}: ${what} must resolve to an integer`)
  return value
}

/** `[string, substring, start?, end?]` → the code point index of the first match within [start, end), or -1. */
const $indexOfCP: Operator = (obj, expr, options) => {
  const [text, search, start, end] = evalExpr(obj, expr, options) as Any[]
  if (text === null || text === undefined) return null
  if (typeof text !== 'string' || typeof search !== 'string') throw new Error('$indexOfCP requires strings')
  const points = [...text]
  const needle = [...search]
  const from = start === undefined ? 0 : integerArg(start, '$indexOfCP', 'starting index')
  const to = Math.min(end === undefined ? points.length : integerArg(end, '$indexOfCP', 'ending index'), points.length)
  if (from < 0 || to < 0) throw new Error('$indexOfCP: indexes must be non-negative')
  for (let i = from; i + needle.length <= to; i++) if (needle.every((c, k) => points[i + k] === c)) return i
  return -1
}

/**
 * `$substr` is `$substrBytes` (deprecated alias since MongoDB 3.4): byte offsets into the UTF-8 string; a negative
 * start gives "", a negative count takes the rest, null or missing gives "", a cut inside a character is an error.
 */
const $substrBytes: Operator = (obj, expr, options) => {
  const [value, start, count] = evalExpr(obj, expr, options) as Any[]
  if (value === null || value === undefined) return ''
  const text = value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') throw new Error('$substrBytes requires a string')
  const from = integerArg(start, '$substrBytes', 'starting index')
  const length = integerArg(count, '$substrBytes', 'length')
  if (from < 0) return ''
  const bytes = Buffer.from(text, 'utf8')
  const to = length < 0 ? bytes.length : Math.min(bytes.length, from + length)
  if (from >= bytes.length) return ''
  const continuation = (i: number): boolean => i < bytes.length && (bytes[i]! & 0xc0) === 0x80
  if (continuation(from)) throw new Error('$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.')
  if (continuation(to)) throw new Error('$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.')
  return bytes.subarray(from, to).toString('utf8')
}

const expressionOps: Record<string, Operator> = {
  ...Object.fromEntries(Object.entries(FIELDS).map(([op, field]) => [op, dateField(op, field)])),
  $dateToString,
  $indexOfCP,
  $substr: $substrBytes,
  $substrBytes,
}

/**
 * mingo's operators with ours in place of its own (and geo.ts's), for every query and aggregation the database runs.
 * (mingo's default `Query`/`Aggregator` merge a given context under their own, so ours would lose: use the base classes.)
 */
export const CLOUDBASE_OPERATORS = Context.init({
  accumulator,
  projection,
  window,
  expression: { ...expression, ...expressionOps },
  query: { ...query, ...geoQueryOps },
  pipeline: { ...pipeline, $geoNear },
})
