/** Consecutive check-in days: a missed day restarts the count. */
import { previousDay } from './calendar'

export interface Streak {
  count: number
  /** Last check-in day `YYYY-MM-DD`, merchant time. */
  lastDay: string | null
}

/** The streak after checking in on `day` (call only when not yet checked in that day). */
export function continueStreak(streak: Streak, day: string): Streak {
  const count = streak.lastDay === previousDay(day) ? streak.count + 1 : 1
  return { count, lastDay: day }
}

/** The count to show today: it is already broken when yesterday was missed. */
export function currentStreak(streak: Streak, today: string): number {
  return streak.lastDay === today || streak.lastDay === previousDay(today) ? streak.count : 0
}

/** The extra points for reaching every `every`-th consecutive day. */
export function streakBonus(count: number, every: number, bonus: number): number {
  return count > 0 && count % every === 0 ? bonus : 0
}
