/** Days, months and month ends in the merchant's time zone (functions run on UTC). */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** `YYYY-MM-DD` of an instant in the zone. */
export function dayOf(at: Date, tz: string = DEFAULT_TIME_ZONE): string {
  const { year, month, day } = fieldsIn(at, tz)
  return `${year}-${month}-${day}`
}

/** `YYYY-MM` of an instant in the zone. */
export function monthOf(at: Date, tz: string = DEFAULT_TIME_ZONE): string {
  const { year, month } = fieldsIn(at, tz)
  return `${year}-${month}`
}

/** True for a real calendar day such as 2028-02-29 (not 2027-02-29). */
export function isDay(value: string): boolean {
  return DAY.test(value) && dayjs.utc(value, 'YYYY-MM-DD').format('YYYY-MM-DD') === value
}

export function isMonth(value: string): boolean {
  return MONTH.test(value)
}

/** The day before `day` (calendar arithmetic, zone-free). */
export function previousDay(day: string): string {
  return dayjs.utc(day).subtract(1, 'day').format('YYYY-MM-DD')
}

/** `month` shifted by `n` months. */
export function addMonths(month: string, n: number): string {
  return dayjs.utc(`${month}-01`).add(n, 'month').format('YYYY-MM')
}

/** The first instant of `month` in the zone. */
export function startOfMonth(month: string, tz: string = DEFAULT_TIME_ZONE): Date {
  return new Date(instantOfWallClock(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1, 0, 0, tz))
}

/** The last millisecond of `month` in the zone (2027-11 → 2027-11-30T23:59:59.999+08:00). */
export function endOfMonth(month: string, tz: string = DEFAULT_TIME_ZONE): Date {
  return new Date(startOfMonth(addMonths(month, 1), tz).getTime() - 1)
}

/** Month number 1..12 of a `YYYY-MM-DD` day. */
export function monthNumberOf(day: string): number {
  return Number(day.slice(5, 7))
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)$/

/** A merchant-local `YYYY-MM-DD HH:mm` as an ISO instant with its offset (e.g. a 秒杀 window's start), or null if it is no such time. */
export function instantOfLocalTime(text: string, tz: string = DEFAULT_TIME_ZONE): string | null {
  const m = LOCAL_TIME.exec(text.trim())
  if (!m || !isDay(m[1]!)) return null
  return dayjs.tz(`${m[1]} ${m[2]}:${m[3]}:00`, tz).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** An instant as the merchant reads it: `YYYY-MM-DD HH:mm` in the zone. */
export function localTimeOf(at: string | Date, tz: string = DEFAULT_TIME_ZONE): string {
  const instant = new Date(at)
  if (Number.isNaN(instant.getTime())) return ''
  const { year, month, day, hour, minute } = fieldsIn(instant, tz)
  return `${year}-${month}-${day} ${hour}:${minute}`
}

/** One formatter per zone: building one is what makes dayjs's `.tz()` slow, and every request asks for today. */
const formatters = new Map<string, Intl.DateTimeFormat>()

type Fields = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>

/** The instant the zone's clocks read this wall-clock time; the second pass settles a daylight-saving change between guess and answer. */
function instantOfWallClock(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  return asUtc - offsetAt(asUtc - offsetAt(asUtc, tz), tz)
}

/** How far the zone's clocks run ahead of UTC at an instant, in ms. */
function offsetAt(at: number, tz: string): number {
  const f = fieldsIn(new Date(at), tz)
  const wall = Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute))
  return wall - (at - (((at % 60_000) + 60_000) % 60_000))
}

/** The zero-padded wall-clock fields of an instant in the zone. */
function fieldsIn(at: Date, tz: string): Fields {
  let format = formatters.get(tz)
  if (!format) {
    const two = '2-digit'
    format = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: two, day: two, hour: two, minute: two, hourCycle: 'h23' })
    formatters.set(tz, format)
  }
  const fields: Fields = { year: '', month: '', day: '', hour: '', minute: '' }
  for (const part of format.formatToParts(at)) if (part.type in fields) fields[part.type as keyof Fields] = part.value
  fields.year = fields.year.padStart(4, '0')
  return fields
}
