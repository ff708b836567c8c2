// What the owner types to adjust a member's points: a whole number, + to add or - to take away, never 0.
export const MAX_ADJUST = 1_000_000

export function parseDelta(input: string): number | null {
  const m = /^\s*([+-]?)\s*(\d{1,7})\s*$/.exec(input)
  if (!m) return null
  const delta = Number(m[2]) * (m[1] === '-' ? -1 : 1)
  return delta !== 0 && Math.abs(delta) <= MAX_ADJUST ? delta : null
}
