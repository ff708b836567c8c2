import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS })
  db = cloud.db
})

afterAll(async () => {
  await cloud.close()
})

const card = () => db.collection('items').doc('card')
const read = async (): Promise<Record<string, unknown>> => (await card().get()).data

beforeEach(async () => {
  await card().set({
    data: { title: 'Coffee', stock: 10, price: 8, flags: 6, list: [3, 1, 2], nums: [1, 2, 3, 4], tags: ['hot'], info: { size: 'M', shop: 'A' } },
  })
})

describe('update operators through the real SDK', () => {
  it('sets, removes, increments, multiplies', async () => {
    const _ = db.command
    await card().update({ data: { stock: _.inc(-3), price: _.mul(2), title: _.set('Tea'), flags: _.remove() } })
    const doc = await read()
    expect(doc).toMatchObject({ stock: 7, price: 16, title: 'Tea' })
    expect(doc).not.toHaveProperty('flags')
  })

  it('keeps the min or max, renames, and applies bitwise and/or/xor', async () => {
    const _ = db.command
    await card().update({ data: { stock: _.min(4), price: _.max(9), title: _.rename('name'), flags: _.bit({ and: 3 }) } })
    expect(await read()).toMatchObject({ stock: 4, price: 9, name: 'Coffee', flags: 2 })
    await card().update({ data: { flags: _.bit({ or: 8 }) } })
    await card().update({ data: { flags: _.bit({ xor: 1 }) } })
    expect((await read()).flags).toBe(11)
    expect(await read()).not.toHaveProperty('title')
  })

  it('pushes with each, position, sort and slice; unshifts', async () => {
    const _ = db.command
    await card().update({ data: { list: _.push({ each: [9, 0], sort: 1, slice: 4 }) } })
    expect((await read()).list).toEqual([0, 1, 2, 3])
    await card().update({ data: { list: _.push({ each: [7], position: 1 }), tags: _.push(['cold']) } })
    expect(await read()).toMatchObject({ list: [0, 7, 1, 2, 3], tags: ['hot', 'cold'] })
    await card().update({ data: { list: _.unshift([5]) } })
    expect((await read()).list).toEqual([5, 0, 7, 1, 2, 3])
  })

  it('pops, shifts, pulls, pulls all, adds to a set', async () => {
    const _ = db.command
    await card().update({ data: { list: _.pop(), nums: _.pull(_.gt(2)) } })
    expect(await read()).toMatchObject({ list: [3, 1], nums: [1, 2] })
    await card().update({ data: { list: _.shift(), nums: _.pullAll([1]) } })
    expect(await read()).toMatchObject({ list: [1], nums: [2] })
    await card().update({ data: { tags: _.addToSet('hot') } })
    await card().update({ data: { tags: _.addToSet({ each: ['hot', 'iced', 'iced'] }) } })
    expect((await read()).tags).toEqual(['hot', 'iced'])
  })

  it('merges plain nested fields and replaces with _.set', async () => {
    const _ = db.command
    await card().update({ data: { info: { size: 'L' } } })
    expect((await read()).info).toEqual({ size: 'L', shop: 'A' })
    await card().update({ data: { info: _.set({ size: 'S' }) } })
    expect((await read()).info).toEqual({ size: 'S' })
  })

  it('replaces the whole document with doc().set() and upserts a missing one', async () => {
    await card().set({ data: { title: 'Only' } })
    expect(await read()).toEqual({ _id: 'card', title: 'Only' })
    const res = await db
      .collection('items')
      .doc('fresh')
      .set({ data: { title: 'New' } })
    expect((res as unknown as { _id: string })._id).toBe('fresh')
    expect((await db.collection('items').doc('fresh').get()).data).toEqual({ _id: 'fresh', title: 'New' })
  })

  it('updates only matching documents, reports how many changed', async () => {
    const _ = db.command
    await db.collection('items').add({ data: { _id: 'mug', stock: 1 } })
    const conditional = await db
      .collection('items')
      .where({ _id: 'mug', stock: _.gte(2) })
      .update({ data: { stock: _.inc(-2) } })
    expect(conditional.stats.updated).toBe(0)
    const many = await db
      .collection('items')
      .where({ stock: _.gte(1) })
      .update({ data: { stock: _.inc(1) } })
    expect(many.stats.updated).toBe(2)
    expect((await db.collection('items').doc('mug').get()).data).toMatchObject({ stock: 2 })
    await db.collection('items').doc('mug').remove()
  })

  it('removes by id and by condition', async () => {
    const _ = db.command
    await db.collection('items').add({ data: { _id: 'x1', kind: 'gone' } })
    await db.collection('items').add({ data: { _id: 'x2', kind: 'gone' } })
    const res = await db
      .collection('items')
      .where({ kind: _.eq('gone') })
      .remove()
    expect(res.stats.removed).toBe(2)
    expect((await db.collection('items').where({ kind: 'gone' }).count()).total).toBe(0)
    const byId = await card().remove()
    expect(byId.stats.removed).toBe(1)
  })
})

describe('serverDate follows the local cloud clock', () => {
  it('stamps the moved clock plus offset on add and update', async () => {
    cloud.server.clock.set('2030-01-02T03:04:05.000Z')
    try {
      await db.collection('items').add({ data: { _id: 'dated', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
      const doc = (await db.collection('items').doc('dated').get()).data as unknown as { at: Date; later: Date }
      expect(Math.abs(doc.at.getTime() - Date.parse('2030-01-02T03:04:05.000Z'))).toBeLessThan(5_000)
      expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)
      cloud.server.clock.set('2031-06-01T00:00:00.000Z')
      await db
        .collection('items')
        .doc('dated')
        .update({ data: { at: db.serverDate() } })
      const moved = (await db.collection('items').doc('dated').get()).data as unknown as { at: Date }
      expect(moved.at.getUTCFullYear()).toBe(2031)
    } finally {
      cloud.server.clock.set(null)
    }
  })
})
