/**
 * Ids (items, tiers, prizes...) as keys of plain objects. Stored documents come back as ordinary objects with a prototype,
 * so an id like `toString` must never find an inherited member, and the few names that change an object itself are refused.
 */

/** Names that reach an object's prototype or constructor when used as a key. */
const UNSAFE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']

export const isSafeKey = (id: string): boolean => !UNSAFE_KEYS.includes(id)

// no Latin word reaches a shopper, not even the reserved names
export const UNSAFE_KEY_MESSAGE = '不能使用程序保留的名称作为编号，请换一个编号'

/** The count kept under `id`, or 0: only the object's own keys count. */
export function countOf(counts: Readonly<Record<string, number>>, id: string): number {
  return Object.hasOwn(counts, id) ? counts[id]! : 0
}

/** A copy of `counts` with `id` set to `n`, always as an own key. */
export function withCount(counts: Readonly<Record<string, number>>, id: string, n: number): Record<string, number> {
  const out = { ...counts }
  Object.defineProperty(out, id, { value: n, enumerable: true, writable: true, configurable: true })
  return out
}
