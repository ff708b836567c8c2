export interface StreakDay { index: number; done: boolean; bonus: boolean; today: boolean }

// The 7-day strip: days already in this week's run, the next one to earn, and the 7th-day bonus.
export function streakStrip(count: number, checkedInToday: boolean): StreakDay[] {
  const inWeek = count <= 0 ? 0 : ((count - 1) % 7) + 1
  const done = checkedInToday ? inWeek : inWeek === 7 ? 0 : inWeek
  const todayIndex = checkedInToday ? done : done + 1
  return Array.from({ length: 7 }, (_, i) => ({
    index: i + 1,
    done: i + 1 <= done,
    bonus: i === 6,
    today: i + 1 === todayIndex,
  }))
}

export function streakText(count: number, checkedInToday: boolean): string {
  if (checkedInToday) return `已连续签到 ${count} 天`
  if (count > 0) return `已连续签到 ${count} 天，今天签到继续保持`
  return '今天还没有签到'
}
