import { describe, expect, it } from 'vitest'
import { addToLots, expireLots, expiryMonthFor, lotsTotal, nextExpiryOf, spendFromLots } from './lots'

const tz = 'Asia/Shanghai'

describe('lots', () => {
  it('expires points at the end of the 12th month after earning, merchant time', () => {
    const month = expiryMonthFor(new Date('2026-11-22T04:00:00Z'), 12, tz)
    expect(month).toBe('2027-11')
    expect(nextExpiryOf([{ expires: month, points: 5 }], tz)?.toISOString()).toBe('2027-11-30T15:59:59.999Z')
    // 2026-11-30 20:00 UTC is already December in Shanghai
    expect(expiryMonthFor(new Date('2026-11-30T20:00:00Z'), 12, tz)).toBe('2027-12')
  })

  it('groups by expiry month and keeps them sorted', () => {
    let lots = addToLots([], '2027-12', 10)
    lots = addToLots(lots, '2027-11', 5)
    lots = addToLots(lots, '2027-12', 7)
    expect(lots).toEqual([
      { expires: '2027-11', points: 5 },
      { expires: '2027-12', points: 17 },
    ])
  })

  it('spends the soonest-expiring points first, across lots', () => {
    const lots = [
      { expires: '2027-01', points: 30 },
      { expires: '2027-02', points: 50 },
      { expires: '2027-03', points: 20 },
    ]
    expect(spendFromLots(lots, 60)).toEqual([
      { expires: '2027-02', points: 20 },
      { expires: '2027-03', points: 20 },
    ])
    expect(spendFromLots(lots, 100)).toEqual([])
    expect(() => spendFromLots(lots, 101)).toThrow(RangeError)
  })

  it('drops lots whose month has ended and counts what expired', () => {
    const lots = [
      { expires: '2026-10', points: 30 },
      { expires: '2026-11', points: 50 },
    ]
    const justAfter = new Date('2026-11-30T16:00:00Z')
    expect(expireLots(lots, new Date('2026-11-30T15:59:59Z'), tz)).toEqual({
      open: [{ expires: '2026-11', points: 50 }],
      due: [{ expires: '2026-10', points: 30 }],
      expired: 30,
    })
    expect(expireLots(lots, justAfter, tz)).toEqual({ open: [], due: lots, expired: 80 })
    expect(lotsTotal(lots)).toBe(80)
  })

  it('counts a lot as expired from its expiry instant on, the instant the daily job looks for', () => {
    const lots = [{ expires: '2027-11', points: 5 }]
    const instant = nextExpiryOf(lots, tz)!
    expect(expireLots(lots, new Date(instant.getTime() - 1), tz).expired).toBe(0)
    expect(expireLots(lots, instant, tz)).toEqual({ open: [], due: lots, expired: 5 })
  })
})
