// The date range the owner reads figures for or exports: a quick chip (last N days) or two picked days.
import { shiftDay } from './format'

export interface Period {
  from: string
  to: string
}

export const QUICK_DAYS = [7, 30, 90] as const

/** The last `days` days up to and including `today`. */
export function lastDays(days: number, today: string): Period {
  return { from: shiftDay(today, 1 - days), to: today }
}

/** Which quick chip the period is, if any. */
export function quickDaysOf(period: Period, today: string): number | null {
  return QUICK_DAYS.find((d) => lastDays(d, today).from === period.from && period.to === today) ?? null
}

/** A picked day moves its own end; the other end follows so that from never comes after to. */
export function withDay(period: Period, end: 'from' | 'to', day: string): Period {
  if (end === 'from') return { from: day, to: period.to < day ? day : period.to }
  return { from: period.from > day ? day : period.from, to: day }
}
