import { describe, expect, it } from 'vitest'
import { checkInReward, streakStrip, streakText, upcomingBonusDays } from './streak'

const rules = { daily: 5, streakDays: 7, streakBonus: 20 }
const done = (count: number, today: boolean) => streakStrip(count, today, rules).filter((d) => d.done).length
const todayIndex = (count: number, today: boolean) => streakStrip(count, today, rules).find((d) => d.today)?.index

describe('streak strip', () => {
  it('marks the days of the current run and the one to earn today', () => {
    expect(done(0, false)).toBe(0)
    expect(todayIndex(0, false)).toBe(1)
    expect(done(3, false)).toBe(3)
    expect(todayIndex(3, false)).toBe(4)
    expect(done(3, true)).toBe(3)
    expect(todayIndex(3, true)).toBe(3)
  })

  it('fills the run on its last day and starts a new one after it', () => {
    expect(done(7, true)).toBe(7)
    expect(done(7, false)).toBe(0)
    expect(todayIndex(7, false)).toBe(1)
    expect(done(9, true)).toBe(2)
  })

  it('reads its length and points from the merchant’s rules, the bonus on the last day', () => {
    expect(streakStrip(1, true, rules).map((d) => d.points)).toEqual([5, 5, 5, 5, 5, 5, 25])
    const five = streakStrip(1, true, { daily: 8, streakDays: 5, streakBonus: 30 })
    expect(five.map((d) => d.points)).toEqual([8, 8, 8, 8, 38])
    expect(five.filter((d) => d.bonus).map((d) => d.index)).toEqual([5])
  })

  it('tells the shopper where they stand and what a check-in paid', () => {
    expect(streakText(0, false)).toBe('今天还没有签到')
    expect(streakText(4, true)).toBe('已连续签到 4 天')
    expect(checkInReward(5, 0, rules)).toBe('+5 积分')
    expect(checkInReward(25, 20, rules)).toBe('+25 积分（含连续 7 天奖励 +20）')
  })
})

describe('bonus days ahead', () => {
  it('falls on each day the run reaches a multiple of the streak length', () => {
    // 5 days in, not yet today: today is the 6th, tomorrow the 7th
    expect(upcomingBonusDays('2026-11-30', 5, false, rules, 10)).toEqual(['2026-12-01', '2026-12-08'])
    // 6 days in and checked in today: tomorrow is the 7th
    expect(upcomingBonusDays('2026-11-30', 6, true, rules, 10)).toEqual(['2026-12-01', '2026-12-08'])
    // a broken run starts again today
    expect(upcomingBonusDays('2026-11-30', 0, false, rules, 7)).toEqual(['2026-12-06'])
  })
})
