import { type Doc, isPlainObject } from './ejson'
import { type Bound, type IndexNarrowing, KeyKind, narrow, narrowPath } from './indexes'

/**
 * A sorted query SQL can read in its order: one sort field, `_id` or an indexed path, ties broken by `_id`
 * in the same direction. Mingo still judges every document it reads.
 */
export interface OrderedScan {
  path: string
  dir: 1 | -1
  /** Candidates from an index; when on `path` itself SQL walks that index in order and sorts nothing. */
  narrowing?: IndexNarrowing
  /** Bounds on `_id` applied while walking, as a sweep paging by `_id` sends. */
  ids?: { gt?: Bound; lt?: Bound }
}

/** Candidates per wanted document below which the in-memory sort is cheaper. */
const IN_MEMORY_FACTOR = 8
/** Counting candidates further tells no more about which index to read. */
const ESTIMATE_CAP = 1000

/**
 * The scan for `order`, or undefined when only the in-memory sort can order these documents.
 * `size` counts a narrowing's candidates up to a cap: the smaller of walking the order's own index and
 * sorting another index's candidates by their keys wins. `wanted` is offset plus limit.
 */
export function planOrderedScan(criteria: Doc, order: Doc, indexedPaths: ReadonlySet<string>, size: Size, wanted: number): OrderedScan | undefined {
  const keys = Object.entries(order)
  const first = keys[0]
  if (keys.length !== 1 || !first) return undefined
  const [path, dir] = first
  if ((dir !== 1 && dir !== -1) || (path !== '_id' && !indexedPaths.has(path))) return undefined
  const other = narrow(criteria, new Set([...indexedPaths].filter((p) => p !== path)))
  // a query by ids reads a handful of documents: sorting them in memory is cheaper
  if (other?.by === 'ids') return undefined
  const own = path === '_id' ? undefined : narrowPath(path, criteria[path])
  const narrowing = own && other ? fewer(own, other, size) : (own ?? other)
  if (narrowing && narrowing === other && !worthSorting(other, size, wanted)) return undefined
  return { path, dir, narrowing, ids: idBounds(criteria._id) }
}

type Size = (narrowing: IndexNarrowing, cap: number) => number

/** The order's own index, which needs no sort, unless the other narrows to fewer candidates; counts no further than needed. */
function fewer(own: IndexNarrowing, other: IndexNarrowing, size: Size): IndexNarrowing {
  const otherSize = size(other, ESTIMATE_CAP)
  return otherSize < ESTIMATE_CAP && otherSize < size(own, otherSize + 1) ? other : own
}

/** Sorting a few candidates' keys in SQL and stepping through them costs more than sorting them in memory. */
function worthSorting(narrowing: IndexNarrowing, size: Size, wanted: number): boolean {
  const few = IN_MEMORY_FACTOR * wanted
  return size(narrowing, few + 1) > few
}

/** The order with `_id` appended in the direction of its first field, so ties come out the same every time. */
export function withIdTieBreak(order: Doc): Doc {
  if ('_id' in order) return order
  return { ...order, _id: Object.values(order)[0] === -1 ? -1 : 1 }
}

function idBounds(condition: unknown): OrderedScan['ids'] {
  const range = isPlainObject(condition) ? narrowPath('_id', condition) : undefined
  return range?.kind === KeyKind.String && !range.equals ? { gt: range.gt, lt: range.lt } : undefined
}

/** Mingo's order across types (missing and null alike < numbers < strings < booleans < dates) as an SQL rank. */
export function kindRank(column: string): string {
  const ranks: Array<[KeyKind, number]> = [
    [KeyKind.Null, 0],
    [KeyKind.Number, 2],
    [KeyKind.String, 3],
    [KeyKind.Boolean, 4],
    [KeyKind.Date, 5],
  ]
  return `CASE ${column} ${ranks.map(([kind, rank]) => `WHEN ${kind} THEN ${rank}`).join(' ')} ELSE 0 END`
}
