import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloudDatabase } from './database'
import { Store } from './store'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

// `members` and `ledger` carry the declared indexes; their twins hold the same documents unindexed,
// so every query below is answered once by SQL in index order and once by the in-memory sort
let cloud: TestDatabase
let db: SdkDatabase

const day = (d: number): Date => new Date(Date.UTC(2030, 0, d))
const id = (i: number): string => `m${String(i).padStart(2, '0')}`

/** 40 members inserted out of `_id` order, with ties, nulls and missing fields on every indexed path. */
function memberDocs(): Array<Record<string, unknown>> {
  const docs = Array.from({ length: 40 }, (_v, i) => {
    const doc: Record<string, unknown> = { _id: id(i), tier: ['normal', 'silver', 'gold'][i % 3], createdAt: day(1 + (i % 5)) }
    if (i % 7 !== 0) doc.nextExpiryAt = day(10 + (i % 4) * 10)
    if (i === 8) doc.nextExpiryAt = null
    if (i % 6 !== 0) doc.birthdayMonth = i % 4 === 0 ? null : 1 + (i % 3)
    return doc
  })
  return docs.map((_d, k) => docs[(k * 17) % docs.length]!)
}

/** 100 ledger entries for each of three members: `seq` ties across members only, `at` ties within them. */
function ledgerDocs(): Array<Record<string, unknown>> {
  return Array.from({ length: 300 }, (_v, i) => ({
    _id: `e${(i * 7) % 300}`,
    openid: ['a', 'b', 'c'][i % 3],
    seq: Math.floor(i / 3),
    at: day(1 + (i % 7)),
    delta: i,
  }))
}

const idsOf = (res: { data: unknown }): string[] => (res.data as Array<{ _id: string }>).map((d) => d._id)

type Dir = 'asc' | 'desc'
async function ordered(coll: string, where: object | undefined, field: string, dir: Dir, offset: number, limit: number): Promise<string[]> {
  const base = db.collection(coll)
  const filtered = where ? base.where(where) : base
  const sorted = filtered.orderBy(field, dir)
  return idsOf(await (offset > 0 ? sorted.skip(offset) : sorted).limit(limit).get())
}

/** The same query on a collection and its unindexed twin, over several pages. */
async function expectTwins(coll: string, where: object | undefined, field: string, dir: Dir): Promise<string[]> {
  const all = await ordered(`${coll}Twin`, where, field, dir, 0, 1000)
  for (const [offset, limit] of [
    [0, 100],
    [0, 3],
    [2, 5],
    [7, 1],
    [30, 20],
    [100, 5],
  ] as const) {
    expect(await ordered(coll, where, field, dir, offset, limit), `${field} ${dir} offset ${offset} limit ${limit}`).toEqual(
      all.slice(offset, offset + limit),
    )
  }
  return all
}

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS })
  db = cloud.db
  await db.createCollection('membersTwin')
  await db.createCollection('ledgerTwin')
  const put = async (coll: string, docs: Array<Record<string, unknown>>): Promise<void> => {
    const data = docs.map((doc) => EJSON.stringify(doc, { relaxed: false }))
    await cloud.server.db.handle('database.insertDocument', { collectionName: coll, data })
  }
  for (const coll of ['members', 'membersTwin']) await put(coll, memberDocs())
  for (const coll of ['ledger', 'ledgerTwin']) await put(coll, ledgerDocs())
})

afterAll(async () => {
  await cloud.close()
})

describe('ordered, limited queries over indexed fields', () => {
  it('breaks ties by _id in the direction of the order', async () => {
    const asc = await expectTwins('members', { nextExpiryAt: db.command.lte(day(10)) }, 'nextExpiryAt', 'asc')
    expect(asc).toEqual(['m04', 'm12', 'm16', 'm20', 'm24', 'm32', 'm36'])
    const desc = await expectTwins('members', { nextExpiryAt: db.command.lte(day(20)) }, 'nextExpiryAt', 'desc')
    expect(desc.slice(0, 3)).toEqual(['m37', 'm33', 'm29'])
    expect(desc.at(-1)).toEqual('m04')
  })

  it('honours $lte, $gt and both bounds on dates, ascending and descending', async () => {
    const _ = db.command
    for (const dir of ['asc', 'desc'] as const) {
      expect(await expectTwins('members', { nextExpiryAt: _.gt(day(10)) }, 'nextExpiryAt', dir)).toHaveLength(26)
      expect(await expectTwins('members', { nextExpiryAt: _.lte(day(30)) }, 'nextExpiryAt', dir)).toHaveLength(25)
      expect(await expectTwins('members', { nextExpiryAt: _.gt(day(10)).and(_.lte(day(30))) }, 'nextExpiryAt', dir)).toHaveLength(18)
    }
  })

  it('orders missing and null fields first and alike, as the in-memory sort does', async () => {
    const asc = await expectTwins('members', undefined, 'nextExpiryAt', 'asc')
    expect(asc.slice(0, 7)).toEqual(['m00', 'm07', 'm08', 'm14', 'm21', 'm28', 'm35'])
    const desc = await expectTwins('members', undefined, 'birthdayMonth', 'desc')
    expect(desc.slice(-7)).toEqual(['m18', 'm16', 'm12', 'm08', 'm06', 'm04', 'm00'])
  })

  it('orders by one indexed field while another narrows', async () => {
    const _ = db.command
    await expectTwins('members', { tier: 'gold' }, 'createdAt', 'asc')
    await expectTwins('members', { tier: _.in(['gold', 'silver']), birthdayMonth: 2 }, 'nextExpiryAt', 'desc')
    await expectTwins('members', { birthdayMonth: _.in([1, 2]) }, 'birthdayMonth', 'desc')
    await expectTwins('members', { createdAt: _.gte(day(3)), tier: _.neq('normal') }, 'createdAt', 'asc')
    // both fields indexed: the fewer candidates win, whichever field that is
    await expectTwins('members', { tier: 'gold', createdAt: _.lte(day(4)) }, 'createdAt', 'desc')
    await expectTwins('members', { tier: _.in(['gold', 'silver', 'normal']), nextExpiryAt: _.lte(day(10)) }, 'nextExpiryAt', 'asc')
  })

  it('pages a sweep by _id over due members', async () => {
    const _ = db.command
    for (const [coll, due, expected] of [
      ['members', { nextExpiryAt: _.lte(day(20)) }, 16],
      ['ledger', { seq: _.lte(80) }, 243],
    ] as const) {
      const pages: string[] = []
      for (let after = ''; ;) {
        const page = await ordered(coll, { ...due, _id: _.gt(after) }, '_id', 'asc', 0, 4)
        pages.push(...page)
        if (page.length < 4) break
        after = page.at(-1)!
      }
      expect(pages).toEqual(await ordered(`${coll}Twin`, due, '_id', 'asc', 0, 1000))
      expect(pages).toHaveLength(expected)
    }
  })

  it('pages a member ledger newest first on the compound index', async () => {
    const _ = db.command
    for (const openid of ['a', 'c']) expect(await expectTwins('ledger', { openid }, 'seq', 'desc')).toHaveLength(100)
    expect(await ordered('ledger', { openid: 'b' }, 'seq', 'desc', 1, 2)).toEqual(['e265', 'e244'])
    await expectTwins('ledger', { openid: 'a' }, 'at', 'asc')
    await expectTwins('ledger', { openid: 'b', seq: _.gte(10) }, 'at', 'desc')
    await expectTwins('ledger', { openid: _.in(['a', 'c']), delta: _.gt(100) }, 'seq', 'asc')
  })

  it('falls back to the in-memory sort when an indexed field holds an array', async () => {
    const doc = { _id: 'm99', tier: ['gold', 'vip'], nextExpiryAt: [day(15)], createdAt: day(2) }
    await db.collection('members').add({ data: doc })
    await db.collection('membersTwin').add({ data: doc })
    await expectTwins('members', undefined, 'tier', 'asc')
    await expectTwins('members', { nextExpiryAt: db.command.lte(day(20)) }, 'nextExpiryAt', 'desc')
  })

  it('counts the same documents as the unindexed twin', async () => {
    const _ = db.command
    const count = async (coll: string, where: object): Promise<number> => (await db.collection(coll).where(where).count()).total
    const wheres = [
      { createdAt: _.lt(day(3)) },
      { createdAt: _.gte(day(2)).and(_.lte(day(4))) },
      { birthdayMonth: 2 },
      { birthdayMonth: _.in([1, 3]) },
      { tier: 'gold', createdAt: _.lt(day(3)) },
      { nextExpiryAt: _.lte(day(20)) },
      { tier: 'vip' },
    ]
    const totals: number[] = []
    for (const where of wheres) {
      totals.push(await count('members', where))
      expect(totals.at(-1), JSON.stringify(where)).toEqual(await count('membersTwin', where))
    }
    expect(totals).toEqual([17, 25, 10, 17, 6, 17, 1])
  })
})

describe('indexes declared after documents were stored', () => {
  it('indexes the stored documents when the emulator next opens the data', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-reindex-'))
    try {
      const store = new Store(dataDir)
      store.createCollection('members', [{ fields: { createdAt: 1 } }])
      const docs = [{ _id: 'x', tier: 'silver' }, { _id: 'y', tier: 'gold' }, { _id: 'z' }]
      store.commit(
        docs.map((doc) => ({ coll: 'members', id: doc._id, doc, body: EJSON.stringify(doc, { relaxed: false }) })),
        1,
      )
      store.close()
      const reopened = new CloudDatabase({ dataDir })
      const found = reopened.find('members', {}, { order: { tier: -1 }, offset: 0, limit: 10 })
      reopened.close()
      expect(found.map((d) => d._id)).toEqual(['x', 'y', 'z'])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
