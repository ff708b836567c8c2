/** The console's clock jumps: whole days, or calendar months as a merchant in UTC+8 counts them. */
import { invalid } from './errors'

const DAY_MS = 24 * 3600_000
const UTC8_MS = 8 * 3600_000
/** A jump further than this is a typo, not a test. */
const MAX_DAYS = 36_500
const MAX_MONTHS = 1_200

/** `now` moved by `{ days?, months? }` (either may be negative); throws a 400 for anything else. */
export function jump(now: Date, by: Record<string, unknown>): Date {
  const days = whole(by.days, 'days', MAX_DAYS)
  const months = whole(by.months, 'months', MAX_MONTHS)
  if (days === 0 && months === 0) throw invalid('send { days: 1 } or { months: 1 } (whole numbers, not both zero)')
  const local = new Date(now.getTime() + UTC8_MS)
  const day = local.getUTCDate()
  local.setUTCMonth(local.getUTCMonth() + months)
  // 31 January + 1 month is the last day of February, not 3 March
  if (local.getUTCDate() !== day) local.setUTCDate(0)
  return new Date(local.getTime() - UTC8_MS + days * DAY_MS)
}

function whole(value: unknown, what: string, max: number): number {
  if (value === undefined) return 0
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > max) throw invalid(`${what} must be a whole number up to ${max}`)
  return value
}
