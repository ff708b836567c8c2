import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { addMonths, dayOf, endOfMonth, instantOfLocalTime, isDay, localTimeOf, monthOf, previousDay, startOfMonth } from './calendar'

describe('calendar in merchant time', () => {
  it('puts 23:59 and 00:01 Shanghai time on different days', () => {
    expect(dayOf(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22')
    expect(dayOf(new Date('2026-11-22T16:01:00Z'))).toBe('2026-11-23')
  })

  it('gives the month in the merchant zone at a month boundary', () => {
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12')
    expect(monthOf(new Date('2026-11-30T16:30:00Z'), 'UTC')).toBe('2026-11')
  })

  it('ends a month at its last millisecond, merchant time', () => {
    expect(endOfMonth('2027-11').toISOString()).toBe('2027-11-30T15:59:59.999Z')
    expect(endOfMonth('2028-02').toISOString()).toBe('2028-02-29T15:59:59.999Z')
    expect(startOfMonth('2027-01').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('steps across month and year ends', () => {
    expect(previousDay('2027-01-01')).toBe('2026-12-31')
    expect(previousDay('2028-03-01')).toBe('2028-02-29')
    expect(addMonths('2026-11', 12)).toBe('2027-11')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
  })

  it('accepts only real days', () => {
    expect(isDay('2028-02-29')).toBe(true)
    expect(isDay('2027-02-29')).toBe(false)
    expect(isDay('2027-13-01')).toBe(false)
    expect(isDay('2027-1-01')).toBe(false)
  })
})

describe('a merchant-local date and time', () => {
  it('is the instant in the zone, and reads back the same', () => {
    expect(instantOfLocalTime('2026-05-01 10:00')).toBe('2026-05-01T10:00:00+08:00')
    expect(Date.parse(instantOfLocalTime('2026-05-01 10:00')!)).toBe(Date.parse('2026-05-01T02:00:00Z'))
    expect(localTimeOf('2026-05-01T02:00:00Z')).toBe('2026-05-01 10:00')
    expect(instantOfLocalTime('2026-07-01 09:30', 'Europe/Berlin')).toBe('2026-07-01T09:30:00+02:00')
  })

  it('refuses what is no such time', () => {
    for (const bad of ['2026-02-30 10:00', '2026-05-01 24:00', '2026-05-01', '10:00', '2026-5-1 10:00']) expect(instantOfLocalTime(bad)).toBeNull()
  })

  it('reads the wall clock as dayjs does, across daylight saving and year ends, in zones east and west', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Pacific/Auckland', 'UTC']
    const from = Date.UTC(2026, 0, 1)
    for (let i = 0; i < 200; i++) {
      const at = new Date(from + i * 43.3 * 3_600_000)
      for (const tz of zones) {
        expect(dayOf(at, tz)).toBe(dayjs(at).tz(tz).format('YYYY-MM-DD'))
        expect(monthOf(at, tz)).toBe(dayjs(at).tz(tz).format('YYYY-MM'))
        expect(localTimeOf(at, tz)).toBe(dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm'))
      }
    }
    for (let m = 0; m < 30; m++) {
      const month = addMonths('2025-01', m)
      for (const tz of zones) expect(startOfMonth(month, tz).toISOString()).toBe(dayjs.tz(`${month}-01 00:00:00`, tz).toDate().toISOString())
    }
  })

  it('shows no time for an instant that is not one', () => {
    expect(localTimeOf('not a time')).toBe('')
  })
})
