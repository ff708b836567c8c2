import { describe, expect, it } from 'vitest'
import { daysBetween, reminderDue, reminderMessage } from './expiry'
import { DEFAULT_RULES } from './rules'

const member = {
  _id: 'u1',
  lots: [
    { expires: '2031-04', points: 120 },
    { expires: '2031-05', points: 30 },
  ],
}
/** 02:00 on a merchant day. */
const on = (day: string) => new Date(`${day}T02:00:00+08:00`)

describe('reminderDue', () => {
  it('picks the 7, 3 and 1 day reminders for the soonest lot, by merchant day', () => {
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-22'))).toBeNull()
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-23'))).toMatchObject({ grantId: 'remind:u1:2031-04:7', days: 7, daysLeft: 7, points: 120 })
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-27'))).toMatchObject({ days: 3, daysLeft: 3 })
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-29'))).toMatchObject({ days: 1, daysLeft: 1 })
  })

  it('sends the nearest reminder on a late run and the last one on the final day', () => {
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-25'))).toMatchObject({ days: 7, daysLeft: 5 })
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-28'))).toMatchObject({ days: 3, daysLeft: 2 })
    expect(reminderDue(member, DEFAULT_RULES, on('2031-04-30'))).toMatchObject({ days: 1, daysLeft: 0 })
  })

  it('has nothing to say without lots, after expiry, or when the merchant turned reminders off', () => {
    expect(reminderDue({ _id: 'u2', lots: [] }, DEFAULT_RULES, on('2031-04-29'))).toBeNull()
    expect(reminderDue(member, DEFAULT_RULES, on('2031-05-01'))).toBeNull()
    expect(reminderDue(member, { ...DEFAULT_RULES, expiry: { months: 12, remindDays: [] } }, on('2031-04-29'))).toBeNull()
  })

  it('counts calendar days across month ends', () => {
    expect(daysBetween('2031-02-27', '2031-03-01')).toBe(2)
    expect(daysBetween('2032-02-27', '2032-03-01')).toBe(3)
  })
})

describe('reminderMessage', () => {
  it('tells the shopper how many points expire and when', () => {
    const due = reminderDue(member, DEFAULT_RULES, on('2031-04-27'))!
    const msg = reminderMessage('u1', due, 'tpl', DEFAULT_RULES)
    expect(msg).toMatchObject({ touser: 'u1', templateId: 'tpl', data: { number2: { value: '120' }, date3: { value: '2031-04-30' } } })
    expect(msg.data.thing4?.value).toContain('3 天后')
  })
})
