/**
 * JSON as the local cloud accepts it: nested at most MAX_JSON_DEPTH deep. Deeper values parse, but
 * every recursive step after that (structured clone to a function instance, EJSON decoding, mingo)
 * would overflow the stack, so they are refused where they are parsed.
 */

/** Deeper than any document or event the product sends (its deepest EJSON value is about 6 levels). */
export const MAX_JSON_DEPTH = 64

export class TooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`nested deeper than ${maxDepth} levels`)
  }
}

/** JSON.parse, then TooDeepError when arrays and objects nest deeper than `maxDepth`. */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const value: unknown = JSON.parse(text)
  if (nestsDeeperThan(value, maxDepth)) throw new TooDeepError(maxDepth)
  return value
}

/** Whether objects and arrays nest deeper than `max` (`{}` is 1 deep); an explicit stack, so any depth is safe to measure. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.value === null || typeof top.value !== 'object') continue
    if (top.depth >= max) return true
    for (const child of Object.values(top.value)) stack.push({ value: child, depth: top.depth + 1 })
  }
  return false
}
