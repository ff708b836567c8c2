import { randomBytes } from 'node:crypto'
import { BSONRegExp, Double, EJSON, Int32, Long } from 'bson'
import { parseBoundedJson } from '../bounded-json'
import { DbError, invalidQuery } from './errors'
import { timed } from './phase-clock'

export type Doc = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

/** Parses canonical EJSON into plain JS values: numbers, Dates, BSONRegExp; longs beyond 2^53 stay Long. Too deep a value is invalid. */
export function parseEjson(text: string, what: string): unknown {
  return timed('parse', () => parseText(text, what))
}

function parseText(text: string, what: string): unknown {
  let raw: unknown
  try {
    raw = parseBoundedJson(text)
  } catch (err) {
    throw new DbError('INVALID_PARAM', `${what} is not valid EJSON: ${(err as Error).message}`)
  }
  try {
    return decode(raw)
  } catch (err) {
    throw new DbError('INVALID_PARAM', `${what} is not valid EJSON: ${(err as Error).message}`)
  }
}

/** Decodes the EJSON types documents carry most; bson's own parser takes any other `$type`. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (value === null || typeof value !== 'object') return value
  const obj = value as Doc
  const keys = Object.keys(obj)
  const first = keys[0]
  if (first !== undefined && first.startsWith('$') && first !== SERVER_DATE && isTypeWrapper(first)) return decodeWrapper(obj, first)
  const out: Doc = {}
  for (const key of keys) out[key] = decode(obj[key])
  return out
}

const TYPE_KEYS = new Set([
  '$numberInt',
  '$numberDouble',
  '$numberLong',
  '$numberDecimal',
  '$date',
  '$regularExpression',
  '$oid',
  '$binary',
  '$timestamp',
  '$symbol',
  '$code',
  '$minKey',
  '$maxKey',
  '$dbPointer',
  '$uuid',
  '$undefined',
])

function isTypeWrapper(key: string): boolean {
  return TYPE_KEYS.has(key)
}

function decodeWrapper(obj: Doc, key: string): unknown {
  const inner = obj[key]
  if (key === '$numberInt' || key === '$numberDouble') return Number(inner)
  if (key === '$numberLong' && typeof inner === 'string') {
    const n = Number(inner)
    return Number.isSafeInteger(n) ? n : Long.fromString(inner)
  }
  if (key === '$date') {
    const ms = isPlainObject(inner) ? Number(inner.$numberLong) : typeof inner === 'string' ? Date.parse(inner) : Number(inner)
    if (Number.isNaN(ms)) throw new Error('bad $date')
    return new Date(ms)
  }
  if (key === '$regularExpression' && isPlainObject(inner)) return regularExpression(inner)
  return toPlain(EJSON.deserialize(obj, { relaxed: false }))
}

/** Pattern and options must be text: an object's "[object Object]" would read as a character class. */
function regularExpression({ pattern, options = '' }: Doc): BSONRegExp {
  if (typeof pattern !== 'string' || typeof options !== 'string') throw new Error('bad $regularExpression')
  return new BSONRegExp(pattern, options)
}

/** bson values to plain JS numbers where no precision is lost. */
function toPlain(value: unknown): unknown {
  if (value instanceof Int32 || value instanceof Double) return value.valueOf()
  if (value instanceof Long) {
    const n = value.toNumber()
    return Number.isSafeInteger(n) ? n : value
  }
  if (Array.isArray(value)) return value.map(toPlain)
  if (isPlainObject(value)) {
    const out: Doc = {}
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v)
    return out
  }
  return value
}

/** The canonical EJSON the SDK parses back, `_id` left a plain string. */
export function stringifyDoc(doc: Doc): string {
  return timed('serialise', () => EJSON.stringify(doc, { relaxed: false }))
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Replaces every `{$tcb_server_date:{offset}}` with the server clock plus offset. */
export function resolveServerDates(value: unknown, now: Date): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now))
  if (!isPlainObject(value)) return value
  const marker = value[SERVER_DATE]
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0
    return new Date(now.getTime() + offset)
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = resolveServerDates(v, now)
  return out
}

/** Query values: BSON regexes become JS RegExps so mingo can match them. */
export function toQueryValue(value: unknown): unknown {
  if (value instanceof BSONRegExp) return toRegExp(value.pattern, value.options)
  if (Array.isArray(value)) return value.map(toQueryValue)
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = toQueryValue(v)
  // {$regex, $options} as Mongo spells it also becomes one RegExp
  if (typeof out.$regex === 'string' || out.$regex instanceof RegExp) {
    const source = out.$regex instanceof RegExp ? out.$regex.source : out.$regex
    out.$regex = toRegExp(source, typeof out.$options === 'string' ? out.$options : '')
    delete out.$options
  }
  return out
}

function toRegExp(pattern: string, options: string): RegExp {
  // JS has no `x` (extended) flag; the others map one to one
  const flags = [...new Set(options.split(''))].filter((f) => 'ims'.includes(f)).join('')
  try {
    return new RegExp(pattern, flags)
  } catch (err) {
    throw invalidQuery(`bad regular expression /${pattern}/: ${(err as Error).message}`)
  }
}

/** A fresh `_id`: 32 hex characters, as CloudBase generates. */
export function newId(): string {
  return randomBytes(16).toString('hex')
}

/** Deep copy that keeps Dates and BSON values. */
export function cloneDoc<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map(cloneDoc) as T
  if (isPlainObject(value)) {
    const out: Doc = {}
    for (const [k, v] of Object.entries(value)) out[k] = cloneDoc(v)
    return out as T
  }
  return value
}
