import type { Summary } from '../services/contract'
import { shiftDay } from './format'

type CheckInRules = Summary['display']['checkIn']

export interface StreakDay {
  index: number
  done: boolean
  bonus: boolean
  today: boolean
  points: number
}

// The strip of one streak run (`streakDays` long): days already in the run, the next one to earn, and the bonus day.
export function streakStrip(count: number, checkedInToday: boolean, rules: CheckInRules): StreakDay[] {
  const every = Math.max(1, rules.streakDays)
  const inRun = count <= 0 ? 0 : ((count - 1) % every) + 1
  const done = checkedInToday ? inRun : inRun === every ? 0 : inRun
  const todayIndex = checkedInToday ? done : done + 1
  return Array.from({ length: every }, (_, i) => ({
    index: i + 1,
    done: i + 1 <= done,
    bonus: i === every - 1,
    today: i + 1 === todayIndex,
    points: i === every - 1 ? rules.daily + rules.streakBonus : rules.daily,
  }))
}

export function streakText(count: number, checkedInToday: boolean): string {
  if (checkedInToday) return `已连续签到 ${count} 天`
  if (count > 0) return `已连续签到 ${count} 天，今天签到继续保持`
  return '今天还没有签到'
}

/** The check-in pop-up's words: what was credited, and the streak bonus inside it when one was paid. */
export function checkInReward(awarded: number, bonus: number, rules: CheckInRules): string {
  return bonus > 0 ? `+${awarded} 积分（含连续 ${rules.streakDays} 天奖励 +${bonus}）` : `+${awarded} 积分`
}

/** The days within `horizon` days that pay the streak bonus if the shopper checks in every day from the next check-in on. */
export function upcomingBonusDays(today: string, count: number, checkedInToday: boolean, rules: CheckInRules, horizon = 62): string[] {
  const every = Math.max(1, rules.streakDays)
  const first = checkedInToday ? 1 : 0
  const out: string[] = []
  for (let k = first; k <= horizon; k++) if ((count + 1 + k - first) % every === 0) out.push(shiftDay(today, k))
  return out
}
