/** Open points grouped by the month they expire in; spending takes the soonest-expiring first. */
import { addMonths, endOfMonth, monthOf } from './calendar'

export interface Lot {
  /** The month these points expire at the end of, `YYYY-MM` merchant time. */
  expires: string
  points: number
}

/** The month points earned at `at` expire at the end of (earned 2026-11 → 2027-11 with 12 months). */
export function expiryMonthFor(at: Date, months: number, tz: string): string {
  return addMonths(monthOf(at, tz), months)
}

/** Lots with `points` added to the lot of `expires`, kept sorted by expiry. */
export function addToLots(lots: readonly Lot[], expires: string, points: number): Lot[] {
  if (points <= 0) return [...lots]
  const found = lots.some((l) => l.expires === expires)
  const next = found
    ? lots.map((l) => (l.expires === expires ? { expires, points: l.points + points } : { ...l }))
    : [...lots.map((l) => ({ ...l })), { expires, points }]
  return next.sort((a, b) => a.expires.localeCompare(b.expires))
}

export function lotsTotal(lots: readonly Lot[]): number {
  return lots.reduce((sum, l) => sum + l.points, 0)
}

/** Lots after spending `points`, soonest-expiring first; throws when they do not cover it. */
export function spendFromLots(lots: readonly Lot[], points: number): Lot[] {
  return takeFromLots(lots, points).left
}

/** Spending `points` soonest-expiring first: the lots left, and the part of each lot taken (to give back with its expiry). */
export function takeFromLots(lots: readonly Lot[], points: number): { left: Lot[]; taken: Lot[] } {
  if (points > lotsTotal(lots)) throw new RangeError(`cannot spend ${points} from ${lotsTotal(lots)}`)
  let rest = points
  const left: Lot[] = []
  const taken: Lot[] = []
  for (const lot of lots) {
    const take = Math.min(rest, lot.points)
    rest -= take
    if (take > 0) taken.push({ expires: lot.expires, points: take })
    if (lot.points - take > 0) left.push({ expires: lot.expires, points: lot.points - take })
  }
  return { left, taken }
}

/** The part of `lots`, laid end to end soonest first, between points `from` and `to`: what a partial refund gives back. */
export function lotsBetween(lots: readonly Lot[], from: number, to: number): Lot[] {
  const out: Lot[] = []
  let at = 0
  for (const lot of lots) {
    const start = Math.max(from, at)
    const end = Math.min(to, at + lot.points)
    if (end > start) out.push({ expires: lot.expires, points: end - start })
    at += lot.points
  }
  return out
}

/** Splits lots into those still open after `now` and those due (their expiry instant ≤ `now`), with the points that expired. */
export function expireLots(lots: readonly Lot[], now: Date, tz: string): { open: Lot[]; due: Lot[]; expired: number } {
  const isDue = (l: Lot) => endOfMonth(l.expires, tz).getTime() <= now.getTime()
  const due = lots.filter(isDue).map((l) => ({ ...l }))
  return { open: lots.filter((l) => !isDue(l)).map((l) => ({ ...l })), due, expired: lotsTotal(due) }
}

/** The instant the soonest lot expires, for the indexed `nextExpiryAt`. */
export function nextExpiryOf(lots: readonly Lot[], tz: string): Date | null {
  const first = lots[0]
  return first ? endOfMonth(first.expires, tz) : null
}
