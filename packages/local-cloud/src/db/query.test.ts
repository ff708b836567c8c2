import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

const shoppers = [
  { _id: 's1', name: 'Ann', points: 10, tags: ['vip', 'new'], address: { city: 'Shanghai' }, visits: [{ day: 1, spent: 30 }] },
  { _id: 's2', name: 'bob', points: 25, tags: ['new'], address: { city: 'Beijing' }, visits: [{ day: 2, spent: 5 }] },
  { _id: 's3', name: 'Cai', points: 40, tags: [], address: { city: 'Shanghai' }, phone: '138' },
  { _id: 's4', name: 'dan', points: 7, tags: ['vip'], address: { city: 'Shenzhen' } },
]

const ids = (res: { data: unknown }): string[] => (res.data as Array<{ _id: string }>).map((d) => d._id)

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS })
  db = cloud.db
  await db.createCollection('shoppers')
  for (const s of shoppers) await db.collection('shoppers').add({ data: s })
})

afterAll(async () => {
  await cloud.close()
})

describe('query operators through the real SDK', () => {
  const where = async (query: Record<string, unknown>): Promise<string[]> =>
    ids(await db.collection('shoppers').where(query).orderBy('_id', 'asc').get())

  it('compares with eq, neq, lt, lte, gt, gte, in, nin', async () => {
    const _ = db.command
    expect(await where({ points: _.eq(25) })).toEqual(['s2'])
    expect(await where({ points: _.neq(25) })).toEqual(['s1', 's3', 's4'])
    expect(await where({ points: _.lt(10) })).toEqual(['s4'])
    expect(await where({ points: _.lte(10) })).toEqual(['s1', 's4'])
    expect(await where({ points: _.gt(25) })).toEqual(['s3'])
    expect(await where({ points: _.gte(25) })).toEqual(['s2', 's3'])
    expect(await where({ points: _.in([7, 40]) })).toEqual(['s3', 's4'])
    expect(await where({ points: _.nin([7, 40]) })).toEqual(['s1', 's2'])
    expect(await where({ points: _.gt(5).and(_.lt(20)) })).toEqual(['s1', 's4'])
  })

  it('matches arrays with all, elemMatch and size', async () => {
    const _ = db.command
    expect(await where({ tags: _.all(['vip', 'new']) })).toEqual(['s1'])
    expect(await where({ visits: _.elemMatch({ spent: _.gt(10) }) })).toEqual(['s1'])
    expect(await where({ tags: _.size(0) })).toEqual(['s3'])
    expect(await where({ tags: 'vip' })).toEqual(['s1', 's4'])
  })

  it('tests fields with exists and mod, and nested fields by path', async () => {
    const _ = db.command
    expect(await where({ phone: _.exists(true) })).toEqual(['s3'])
    expect(await where({ phone: _.exists(false) })).toEqual(['s1', 's2', 's4'])
    expect(await where({ points: _.mod(5, 0) })).toEqual(['s1', 's2', 's3'])
    expect(await where({ address: { city: 'Shanghai' } })).toEqual(['s1', 's3'])
    expect(await where({ 'address.city': 'Beijing' })).toEqual(['s2'])
  })

  it('combines with and, or, nor, not', async () => {
    const _ = db.command
    const both = await db
      .collection('shoppers')
      .where(_.and([{ points: _.gt(5) }, { 'address.city': 'Shanghai' }]))
      .get()
    expect(ids(both).sort()).toEqual(['s1', 's3'])
    const either = await db
      .collection('shoppers')
      .where(_.or([{ points: _.lt(8) }, { name: 'bob' }]))
      .get()
    expect(ids(either).sort()).toEqual(['s2', 's4'])
    const neither = await db
      .collection('shoppers')
      .where(_.nor([{ points: _.lt(8) }, { name: 'bob' }]))
      .get()
    expect(ids(neither).sort()).toEqual(['s1', 's3'])
    expect(await where({ points: _.not(_.gt(20)) })).toEqual(['s1', 's4'])
  })

  it('matches regular expressions from db.RegExp and JS RegExp', async () => {
    expect(await where({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['s1', 's2', 's3'])
    expect(await where({ name: /^[a-c]/ })).toEqual(['s2'])
    expect(await where({ name: /AN/i })).toEqual(['s1', 's4'])
  })
})

describe('order, offset, limit, projection and count', () => {
  it('sorts by several fields, skips and limits', async () => {
    const res = await db.collection('shoppers').orderBy('address.city', 'desc').orderBy('points', 'asc').skip(1).limit(2).get()
    expect(ids(res)).toEqual(['s1', 's3'])
  })

  it('returns only projected fields, keeping _id', async () => {
    const res = await db.collection('shoppers').where({ _id: 's2' }).field({ name: true }).get()
    expect(res.data).toEqual([{ _id: 's2', name: 'bob' }])
    const doc = await db.collection('shoppers').doc('s2').field({ tags: false, visits: false, address: false }).get()
    expect(doc.data).toEqual({ _id: 's2', name: 'bob', points: 25 })
  })

  it('counts matching documents', async () => {
    const _ = db.command
    expect(
      (
        await db
          .collection('shoppers')
          .where({ points: _.gte(10) })
          .count()
      ).total,
    ).toBe(3)
    expect((await db.collection('shoppers').count()).total).toBe(4)
  })

  it('returns 100 documents by default and at most 1000', async () => {
    await db.createCollection('many')
    const batch = Array.from({ length: 1100 }, (_v, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i }))
    await cloud.server.db.handle('database.insertDocument', {
      collectionName: 'many',
      data: batch.map((d) => JSON.stringify({ _id: d._id, i: { $numberInt: String(d.i) } })),
    })
    expect((await db.collection('many').get()).data).toHaveLength(100)
    const capped = await db.collection('many').limit(5000).get()
    expect(capped.data).toHaveLength(1000)
    const tail = await db.collection('many').orderBy('i', 'desc').skip(1000).limit(1000).get()
    expect(tail.data).toHaveLength(100)
  })
})

describe('indexed fields narrow in SQL without changing results', () => {
  it('finds by an indexed date range, equality and $in, including array values', async () => {
    const _ = db.command
    const members = db.collection('members')
    const day = (d: number): Date => new Date(Date.UTC(2026, 0, d))
    await members.add({ data: { _id: 'i1', nextExpiryAt: day(1), birthdayMonth: 3 } })
    await members.add({ data: { _id: 'i2', nextExpiryAt: day(10), birthdayMonth: 4 } })
    await members.add({ data: { _id: 'i3', nextExpiryAt: day(20), birthdayMonth: [4, 5] } })
    await members.add({ data: { _id: 'i4', nextExpiryAt: '2026-01-05', birthdayMonth: '4' } })
    await members.add({ data: { _id: 'i5', birthdayMonth: null } })
    const due = await members
      .where({ nextExpiryAt: _.lte(day(10)) })
      .orderBy('nextExpiryAt', 'asc')
      .get()
    expect(ids(due)).toEqual(['i1', 'i2'])
    expect(ids(await members.where({ nextExpiryAt: _.gt(day(1)).and(_.lt(day(20))) }).get())).toEqual(['i2'])
    expect(ids(await members.where({ birthdayMonth: 4 }).get())).toEqual(['i2', 'i3'])
    expect(ids(await members.where({ birthdayMonth: _.in([3, 5]) }).get())).toEqual(['i1', 'i3'])
    expect(ids(await members.where({ birthdayMonth: '4' }).get())).toEqual(['i4'])
    expect(ids(await members.where({ birthdayMonth: null }).get())).toEqual(['i5'])
  })

  it('keeps dates as dates through storage', async () => {
    const at = new Date('2026-02-03T04:05:06.789Z')
    await db.collection('ledger').add({ data: { _id: 'l1', openid: 'o1', at, delta: 5, ratio: 1.5 } })
    const got = await db.collection('ledger').doc('l1').get()
    const data = got.data as unknown as { at: Date; delta: number; ratio: number }
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.toISOString()).toBe(at.toISOString())
    expect(data.delta).toBe(5)
    expect(data.ratio).toBe(1.5)
    const byDate = await db.collection('ledger').where({ openid: 'o1', at }).get()
    expect(ids(byDate)).toEqual(['l1'])
  })

  it('round-trips stored regular expressions and 64-bit integers', async () => {
    await db.collection('ledger').add({ data: { _id: 'l2', pattern: db.RegExp({ regexp: '^vip-', options: 'i' }) } })
    const got = (await db.collection('ledger').doc('l2').get()).data as { pattern: { pattern: string; options: string } }
    expect(got.pattern).toMatchObject({ pattern: '^vip-', options: 'i' })
    const big = '9007199254740993'
    await cloud.server.db.handle('database.insertDocument', { collectionName: 'ledger', data: [`{"_id":"l3","big":{"$numberLong":"${big}"}}`] })
    const raw = await cloud.server.db.handle('database.getDocument', { collectionName: 'ledger', queryType: 'DOC', query: '{"_id":"l3"}' })
    expect((raw.data as { list: string[] }).list[0]).toContain(`{"$numberLong":"${big}"}`)
  })
})

// CloudBase runs these queries as MongoDB does (wxcloud reference-sdk-api/database/command: elemMatch, exists, mod)
describe('arrays of embedded documents, $jsonSchema and ObjectId values, as CloudBase answers', () => {
  const orders = [
    {
      _id: 'r1',
      lines: [
        { sku: 'tea', qty: 4, note: 'gift' },
        { sku: 'cup', qty: 7 },
      ],
    },
    { _id: 'r2', lines: [{ sku: 'tea', qty: 5 }] },
    { _id: 'r3', lines: [] },
    { _id: 'r4', total: 12.5, lines: [{ sku: 'pot', qty: 10, note: null }] },
  ]
  const found = async (query: Record<string, unknown>): Promise<string[]> =>
    ids(await db.collection('baskets').where(query).orderBy('_id', 'asc').get())

  beforeAll(async () => {
    await db.createCollection('baskets')
    for (const o of orders) await db.collection('baskets').add({ data: o })
  })

  it('elemMatch needs one element to meet every condition; a dotted path may meet them in different elements', async () => {
    const _ = db.command
    expect(await found({ lines: _.elemMatch({ sku: 'tea', qty: _.gt(4) }) })).toEqual(['r2'])
    expect(await found({ 'lines.sku': 'tea', 'lines.qty': _.gt(6) })).toEqual(['r1'])
    expect(await found({ lines: _.elemMatch({ note: _.exists(false) }) })).toEqual(['r1', 'r2'])
  })

  it('exists and mod look into every element of an array of documents; null counts as existing', async () => {
    const _ = db.command
    expect(await found({ 'lines.note': _.exists(true) })).toEqual(['r1', 'r4'])
    expect(await found({ 'lines.note': _.exists(false) })).toEqual(['r2', 'r3'])
    expect(await found({ 'lines.qty': _.mod(7, 0) })).toEqual(['r1'])
    expect(await found({ 'lines.qty': _.mod(5, 0) })).toEqual(['r2', 'r4'])
  })

  // MongoDB's $jsonSchema (draft 4 + bsonType); the SDK's query serializer passes the operator through unchanged
  it('filters with $jsonSchema, and refuses an unknown keyword as an invalid operator', async () => {
    const schema = (s: object) => found({ $jsonSchema: s })
    expect(await schema({ required: ['total'], properties: { total: { bsonType: 'double', minimum: 10 } } })).toEqual(['r4'])
    expect(
      await schema({
        properties: {
          lines: {
            bsonType: 'array',
            minItems: 1,
            items: { bsonType: 'object', required: ['sku', 'qty'], properties: { qty: { bsonType: 'int', maximum: 5 } } },
          },
        },
      }),
    ).toEqual(['r2'])
    expect(await schema({ properties: { lines: { maxItems: 0 } }, additionalProperties: false })).toEqual([])
    expect(
      await schema({ properties: { _id: { bsonType: 'string' }, lines: { bsonType: 'array', maxItems: 0 } }, additionalProperties: false }),
    ).toEqual(['r3'])
    const err = await db
      .collection('baskets')
      .where({ $jsonSchema: { bsonType: 'object', frobnicate: 1 } })
      .get()
      .catch((e: { errCode: number }) => e)
    expect(err).toMatchObject({ errCode: -502002 })
  })

  // @cloudbase/database src/ObjectId: db.ObjectId({ id }) is sent as {"$oid": id}; CloudBase stores an ObjectId
  it('stores ObjectId values in any field, answers them as {"$oid"} and matches them by value', async () => {
    const ndb = (require('@cloudbase/node-sdk') as { init(c: object): { database(): NodeDb } }).init({ env: 'local-test' }).database()
    const a = '64b7f0c2a1b2c3d4e5f60718'
    const b = '64b7f0c2a1b2c3d4e5f60719'
    await ndb.collection('baskets').add({ _id: 'oa', shopRef: ndb.ObjectId({ id: a }) })
    await ndb.collection('baskets').add({ _id: 'ob', shopRef: ndb.ObjectId({ id: b }) })
    await ndb.collection('baskets').add({ _id: 'oc', shopRef: a })
    const raw = await cloud.server.db.handle('database.getDocument', { collectionName: 'baskets', queryType: 'DOC', query: '{"_id":"oa"}' })
    expect((raw.data as { list: string[] }).list[0]).toContain(`"shopRef":{"$oid":"${a}"}`)
    const byRef = async (query: object) =>
      ((await ndb.collection('baskets').where(query).get()).data as Array<{ _id: string }>).map((d) => d._id).sort()
    expect(await byRef({ shopRef: ndb.ObjectId({ id: a }) })).toEqual(['oa'])
    expect(await byRef({ shopRef: ndb.command.in([ndb.ObjectId({ id: a }), ndb.ObjectId({ id: b })]) })).toEqual(['oa', 'ob'])
    expect(await byRef({ shopRef: a })).toEqual(['oc'])
  })
})

// @cloudbase/database's own Db, as @cloudbase/node-sdk hands it out: it exposes ObjectId, which wx-server-sdk does not
interface NodeDb {
  command: SdkDatabase['command']
  ObjectId(opt: { id: string }): unknown
  collection(name: string): { add(doc: object): Promise<unknown>; where(q: object): { get(): Promise<{ data: unknown }> } }
}
