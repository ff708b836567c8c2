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
  return dayjs(at).tz(tz).format('YYYY-MM-DD')
}

/** `YYYY-MM` of an instant in the zone. */
export function monthOf(at: Date, tz: string = DEFAULT_TIME_ZONE): string {
  return dayjs(at).tz(tz).format('YYYY-MM')
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
  return dayjs.tz(`${month}-01 00:00:00`, tz).toDate()
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
  return dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm')
}
