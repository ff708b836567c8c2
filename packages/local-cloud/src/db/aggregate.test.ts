import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS })
  db = cloud.db
  const entries = [
    { _id: 'e1', openid: 'a', delta: 10, reasons: ['checkin', 'bonus'], at: new Date('2026-01-01T00:00:00Z') },
    { _id: 'e2', openid: 'a', delta: -4, reasons: ['redeem'], at: new Date('2026-01-02T00:00:00Z') },
    { _id: 'e3', openid: 'b', delta: 7, reasons: ['checkin'], at: new Date('2026-01-03T00:00:00Z') },
    { _id: 'e4', openid: 'c', delta: 1, reasons: [], at: new Date('2026-01-04T00:00:00Z') },
  ]
  for (const e of entries) await db.collection('ledger').add({ data: e })
})

afterAll(async () => {
  await cloud.close()
})

describe('aggregation through the real SDK', () => {
  it('matches, groups, sorts, projects', async () => {
    const _ = db.command
    const $ = _.aggregate
    const res = await db
      .collection('ledger')
      .aggregate()
      .match({ delta: _.gt(-10) })
      .group({ _id: '$openid', balance: $.sum('$delta'), entries: $.sum(1) })
      .sort({ balance: -1 })
      .project({ _id: 0, openid: '$_id', balance: 1, entries: 1 })
      .end()
    expect(res.list).toEqual([
      { openid: 'b', balance: 7, entries: 1 },
      { openid: 'a', balance: 6, entries: 2 },
      { openid: 'c', balance: 1, entries: 1 },
    ])
  })

  it('skips, limits and counts', async () => {
    const res = await db.collection('ledger').aggregate().sort({ at: 1 }).skip(1).limit(2).project({ delta: 1 }).end()
    expect(res.list).toEqual([
      { _id: 'e2', delta: -4 },
      { _id: 'e3', delta: 7 },
    ])
    const counted = await db.collection('ledger').aggregate().match({ openid: 'a' }).count('n').end()
    expect(counted.list).toEqual([{ n: 2 }])
  })

  it('unwinds arrays and keeps dates', async () => {
    const unwound = await db
      .collection('ledger')
      .aggregate()
      .unwind('$reasons')
      .group({ _id: '$reasons', n: db.command.aggregate.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(unwound.list).toEqual([
      { _id: 'bonus', n: 1 },
      { _id: 'checkin', n: 2 },
      { _id: 'redeem', n: 1 },
    ])
    const latest = await db
      .collection('ledger')
      .aggregate()
      .group({ _id: null, last: db.command.aggregate.max('$at') })
      .end()
    const last = (latest.list as Array<{ last: Date }>)[0]!.last
    expect(last).toBeInstanceOf(Date)
    expect(last.toISOString()).toBe('2026-01-04T00:00:00.000Z')
  })
})

// CloudBase answers as the MongoDB it runs: AggregateCommand.dateToString / year / week … accept { date, timezone }
// (developers.weixin.qq.com wxcloud reference-sdk-api/database/command/aggregate; MongoDB aggregation reference)
describe('date, string and time-zone operators as CloudBase computes them', () => {
  // 2026-01-03T20:30:45.123Z is Saturday evening in UTC and Sunday 04:30 in Shanghai
  const project = async (fields: Record<string, unknown>): Promise<Record<string, unknown>> => {
    await db
      .collection('settings')
      .doc('clock')
      .set({ data: { at: new Date('2026-01-03T20:30:45.123Z'), s: 'cafétéria', ascii: 'points-club' } })
    const res = await db
      .collection('settings')
      .aggregate()
      .match({ _id: 'clock' })
      .project({ _id: 0, ...fields })
      .end()
    return (res.list as Array<Record<string, unknown>>)[0]!
  }
  const $ = () => db.command.aggregate

  it('reads every date part in the given time zone, by name or by offset', async () => {
    const at = (timezone: string) => ({ date: '$at', timezone })
    const got = await project({
      year: $().year(at('Asia/Shanghai')),
      month: $().month(at('Asia/Shanghai')),
      day: $().dayOfMonth(at('Asia/Shanghai')),
      hour: $().hour(at('Asia/Shanghai')),
      minute: $().minute(at('+05:45')),
      hourWest: $().hour(at('-0330')),
      dayOfWeek: $().dayOfWeek(at('Asia/Shanghai')),
      dayOfYear: $().dayOfYear(at('Asia/Shanghai')),
      week: $().week(at('Asia/Shanghai')),
      isoWeek: $().isoWeek(at('Asia/Shanghai')),
      isoDayOfWeek: $().isoDayOfWeek(at('Asia/Shanghai')),
      utcDayOfWeek: $().dayOfWeek('$at'),
      utcWeek: $().week('$at'),
    })
    expect(got).toEqual({
      year: 2026,
      month: 1,
      day: 4,
      hour: 4,
      minute: 15,
      hourWest: 17,
      dayOfWeek: 1,
      dayOfYear: 4,
      week: 1,
      isoWeek: 1,
      isoDayOfWeek: 7,
      utcDayOfWeek: 7,
      utcWeek: 0,
    })
  })

  it('numbers weeks as MongoDB: $week from the first Sunday, $isoWeek and $isoWeekYear by ISO 8601', async () => {
    // 2027-01-01 is a Friday: week 0, yet ISO week 53 of 2026
    await db
      .collection('settings')
      .doc('newyear')
      .set({ data: { at: new Date('2027-01-01T12:00:00Z') } })
    const res = await db
      .collection('settings')
      .aggregate()
      .match({ _id: 'newyear' })
      .project({ _id: 0, week: $().week('$at'), isoWeek: $().isoWeek('$at'), isoYear: $().isoWeekYear('$at') })
      .end()
    expect(res.list).toEqual([{ week: 0, isoWeek: 53, isoYear: 2026 }])
  })

  it('formats dates with dateToString in a time zone, with every documented specifier', async () => {
    const got = await project({
      local: $().dateToString({ date: '$at', format: '%Y-%m-%d %H:%M:%S.%L', timezone: 'Asia/Shanghai' }),
      parts: $().dateToString({ date: '$at', format: '%j|%w|%u|%U|%V|%G|%z|%Z|100%%', timezone: 'Asia/Shanghai' }),
      plain: $().dateToString({ date: '$at' }),
      missing: $().dateToString({ date: '$nowhere', onNull: 'none' }),
    })
    expect(got).toEqual({
      local: '2026-01-04 04:30:45.123',
      parts: '004|1|7|01|01|2026|+0800|480|100%',
      plain: '2026-01-03T20:30:45.123Z',
      missing: 'none',
    })
  })

  it('finds and cuts strings by code point and by UTF-8 byte', async () => {
    const got = await project({
      t: $().indexOfCP(['$s', 't']),
      tAfter: $().indexOfCP(['$s', 'é', 4]),
      none: $().indexOfCP(['$s', 'z']),
      bytes: $().substrBytes(['$s', 0, 5]),
      rest: $().substr(['$ascii', 7, -1]),
      before: $().substr(['$ascii', -1, 2]),
      cp: $().substrCP(['$s', 3, 2]),
    })
    expect(got).toEqual({ t: 4, tAfter: 5, none: -1, bytes: 'café', rest: 'club', before: '', cp: 'ét' })
  })

  it('refuses a byte range that cuts a character in two, as MongoDB does', async () => {
    await expect(project({ half: $().substrBytes(['$s', 0, 4]) })).rejects.toMatchObject({ errMsg: expect.stringContaining('UTF-8') })
  })
})
