import { describe, expect, it } from 'vitest'
import { streakStrip, streakText } from './streak'

const done = (count: number, today: boolean) => streakStrip(count, today).filter((d) => d.done).length
const todayIndex = (count: number, today: boolean) => streakStrip(count, today).find((d) => d.today)?.index

describe('7-day streak strip', () => {
  it('marks the days of the current run and the one to earn today', () => {
    expect(done(0, false)).toBe(0)
    expect(todayIndex(0, false)).toBe(1)
    expect(done(3, false)).toBe(3)
    expect(todayIndex(3, false)).toBe(4)
    expect(done(3, true)).toBe(3)
    expect(todayIndex(3, true)).toBe(3)
  })

  it('fills the week on the 7th day and starts a new week after it', () => {
    expect(done(7, true)).toBe(7)
    expect(done(7, false)).toBe(0)
    expect(todayIndex(7, false)).toBe(1)
    expect(done(9, true)).toBe(2)
  })

  it('puts the bonus on the 7th day', () => {
    expect(streakStrip(1, true).filter((d) => d.bonus).map((d) => d.index)).toEqual([7])
  })

  it('tells the shopper where they stand', () => {
    expect(streakText(0, false)).toBe('今天还没有签到')
    expect(streakText(4, true)).toBe('已连续签到 4 天')
  })
})
