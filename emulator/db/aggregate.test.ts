import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'

let cloud: TestDatabase
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startTestDatabase()
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
    const unwound = await db.collection('ledger').aggregate().unwind('$reasons').group({ _id: '$reasons', n: db.command.aggregate.sum(1) }).sort({ _id: 1 }).end()
    expect(unwound.list).toEqual([
      { _id: 'bonus', n: 1 },
      { _id: 'checkin', n: 2 },
      { _id: 'redeem', n: 1 },
    ])
    const latest = await db.collection('ledger').aggregate().group({ _id: null, last: db.command.aggregate.max('$at') }).end()
    const last = (latest.list as Array<{ last: Date }>)[0]!.last
    expect(last).toBeInstanceOf(Date)
    expect(last.toISOString()).toBe('2026-01-04T00:00:00.000Z')
  })
})
