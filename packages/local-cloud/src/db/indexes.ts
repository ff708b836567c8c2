import type { Doc } from './ejson'
import { isPlainObject } from './ejson'

/** How a value sorts in the side table; SQLite compares `value` only within one kind. */
export const enum KeyKind {
  Null = 0,
  Number = 1,
  String = 2,
  Date = 3,
  Boolean = 4,
  /** An array, object or other value on the path: always a candidate, mingo decides. */
  Any = 9,
}

export interface IndexKey {
  path: string
  kind: KeyKind
  value: number | string | null
}

/** One sortable key per indexed path that the document has. */
export function indexKeys(doc: Doc, paths: readonly string[]): IndexKey[] {
  const keys: IndexKey[] = []
  for (const path of paths) {
    const found = resolvePath(doc, path)
    if (found === undefined) continue
    const key = scalarKey(found.value)
    keys.push({ path, ...(found.throughArray || !key ? { kind: KeyKind.Any, value: null } : key) })
  }
  return keys
}

function resolvePath(doc: Doc, path: string): { value: unknown; throughArray: boolean } | undefined {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return { value: current, throughArray: true }
    if (!isPlainObject(current) || !(part in current)) return undefined
    current = current[part]
  }
  return { value: current, throughArray: false }
}

/** The kind and comparable value of a scalar; undefined for anything mingo must judge. */
export function scalarKey(value: unknown): { kind: KeyKind; value: number | string | null } | undefined {
  if (value === null) return { kind: KeyKind.Null, value: null }
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : { kind: KeyKind.Number, value }
  if (typeof value === 'string') return { kind: KeyKind.String, value }
  if (typeof value === 'boolean') return { kind: KeyKind.Boolean, value: value ? 1 : 0 }
  if (value instanceof Date) return { kind: KeyKind.Date, value: value.getTime() }
  return undefined
}

/** A superset of the matching documents that SQL can find: by `_id`, or a range on one indexed path. */
export type Narrowing = { by: 'ids'; ids: string[] } | IndexNarrowing

export interface IndexNarrowing {
  by: 'index'
  path: string
  kind: KeyKind
  equals?: Array<number | string>
  gt?: Bound
  lt?: Bound
}

export interface Bound {
  value: number | string
  inclusive: boolean
}

/** Picks one top-level condition (or one inside a top-level `$and`) that SQL can serve. */
export function narrow(criteria: Doc, indexedPaths: ReadonlySet<string>): Narrowing | undefined {
  const byId = narrowById(criteria._id)
  if (byId) return byId
  for (const [path, condition] of Object.entries(criteria)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const part of condition) {
        const found = isPlainObject(part) ? narrow(part, indexedPaths) : undefined
        if (found) return found
      }
    } else if (indexedPaths.has(path)) {
      const found = narrowPath(path, condition)
      if (found) return found
    }
  }
  return undefined
}

function narrowById(condition: unknown): Narrowing | undefined {
  if (typeof condition === 'string') return { by: 'ids', ids: [condition] }
  if (!isPlainObject(condition)) return undefined
  const keys = Object.keys(condition)
  if (keys.length === 1 && typeof condition.$eq === 'string') return { by: 'ids', ids: [condition.$eq] }
  if (keys.length === 1 && Array.isArray(condition.$in) && condition.$in.every((v) => typeof v === 'string')) {
    return { by: 'ids', ids: condition.$in }
  }
  return undefined
}

/** A narrowing by one path's condition, when SQL can serve it. */
export function narrowPath(path: string, condition: unknown): IndexNarrowing | undefined {
  const direct = scalarKey(condition)
  if (direct) return direct.kind === KeyKind.Null ? undefined : equalsOf(path, [condition])
  if (!isPlainObject(condition)) return undefined
  if ('$eq' in condition) return equalsOf(path, [condition.$eq])
  if (Array.isArray(condition.$in)) return equalsOf(path, condition.$in)
  return rangeOf(path, condition)
}

function equalsOf(path: string, values: unknown[]): IndexNarrowing | undefined {
  const keys = values.map(scalarKey)
  const first = keys[0]
  if (!first || first.kind === KeyKind.Null) return undefined
  if (!keys.every((k) => k && k.kind === first.kind)) return undefined
  return { by: 'index', path, kind: first.kind, equals: keys.map((k) => k!.value as number | string) }
}

function rangeOf(path: string, condition: Doc): IndexNarrowing | undefined {
  let kind: KeyKind | undefined
  let gt: Bound | undefined
  let lt: Bound | undefined
  for (const [op, operand] of Object.entries(condition)) {
    const key = scalarKey(operand)
    const usable = key && key.kind !== KeyKind.Null && (kind === undefined || kind === key.kind)
    if (!usable || !['$gt', '$gte', '$lt', '$lte'].includes(op)) return undefined
    kind = key.kind
    const bound = { value: key.value as number | string, inclusive: op.endsWith('e') }
    if (op.startsWith('$g')) gt = bound
    else lt = bound
  }
  return kind === undefined ? undefined : { by: 'index', path, kind, gt, lt }
}
