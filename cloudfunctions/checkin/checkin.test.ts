import { describe, expect, it } from 'vitest'
import type { Envelope } from '../../shared/api'
import { useTestCloud } from '../use-test-cloud'

type CheckIn = { day: string; streak: number; awarded: number; bonus: number; balance: number }

const c = useTestCloud()

const checkInAt = async (openid: string, iso: string): Promise<Envelope<CheckIn>> => {
  await c.setClock(iso)
  return c.call<CheckIn>('checkin', { action: 'checkIn' }, openid)
}

describe('checkin.checkIn', () => {
  it('pays 5 once a day and answers ALREADY_DONE the second time', async () => {
    await c.data('member', { action: 'login' }, 'c-daily')
    expect(await checkInAt('c-daily', '2026-11-22T04:00:00Z')).toEqual({
      ok: true,
      data: { day: '2026-11-22', streak: 1, awarded: 5, bonus: 0, balance: 105 },
    })
    expect(await checkInAt('c-daily', '2026-11-22T10:00:00Z')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.data('member', { action: 'summary' }, 'c-daily')).toMatchObject({ balance: 105, streak: { count: 1, checkedInToday: true } })
  })

  it('counts 23:59 and 00:01 Shanghai time as two consecutive days', async () => {
    await c.data('member', { action: 'login' }, 'c-midnight')
    expect(await checkInAt('c-midnight', '2026-11-22T15:59:00Z')).toMatchObject({ ok: true, data: { day: '2026-11-22', streak: 1 } })
    expect(await checkInAt('c-midnight', '2026-11-22T16:01:00Z')).toMatchObject({ ok: true, data: { day: '2026-11-23', streak: 2 } })
  })

  it('pays the 7-day bonus across a year end, and restarts after a missed day', async () => {
    await c.data('member', { action: 'login' }, 'c-streak')
    const days = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']
    const answers: CheckIn[] = []
    for (const day of days) {
      const r = await checkInAt('c-streak', `${day}T02:00:00Z`)
      if (!r.ok) throw new Error(r.error.message)
      answers.push(r.data)
    }
    expect(answers.map((a) => a.streak)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(answers.at(-1)).toEqual({ day: '2027-01-03', streak: 7, awarded: 25, bonus: 20, balance: 100 + 7 * 5 + 20 })
    expect(await checkInAt('c-streak', '2027-01-05T02:00:00Z')).toMatchObject({ ok: true, data: { streak: 1, bonus: 0 } })
  })

  it('credits 20 parallel check-ins of one member once', async () => {
    await c.data('member', { action: 'login' }, 'c-rush')
    await c.setClock('2026-11-25T03:00:00Z')
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.call<CheckIn>('checkin', { action: 'checkIn' }, 'c-rush')))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(19).fill('ALREADY_DONE'))
    expect(await c.docs('ledger', { openid: 'c-rush', kind: 'checkin' })).toHaveLength(1)
    expect(await c.data('member', { action: 'summary' }, 'c-rush')).toMatchObject({ balance: 105 })
    expect(await c.violations()).toEqual([])
  })

  it('asks a caller who is not a member to log in', async () => {
    expect(await c.call('checkin', { action: 'checkIn' }, 'c-stranger')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('checkin.calendar', () => {
  it('lists the days checked in during a month, merchant time', async () => {
    expect(await c.data('checkin', { action: 'calendar', month: '2026-12' }, 'c-streak')).toEqual({
      days: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
    })
    expect(await c.data('checkin', { action: 'calendar', month: '2027-01' }, 'c-streak')).toEqual({
      days: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-05'],
    })
    expect(await c.data('checkin', { action: 'calendar', month: '2026-11' }, 'c-midnight')).toEqual({ days: ['2026-11-22', '2026-11-23'] })
    expect(await c.data('checkin', { action: 'calendar', month: '2026-10' }, 'c-streak')).toEqual({ days: [] })
  })
})
