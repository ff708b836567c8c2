import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from '../host/testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestLocalCloud

const request = async (method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const init = method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }
  const res = await fetch(`${cloud.url}${route}`, init)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** What a refused request must leave as it was: documents, clock, trigger switch. */
const observable = (): unknown => {
  const db = cloud.server.db
  return {
    docs: db.collections().map((c) => db.matching(c.name, {})),
    clockOffsetMinutes: Math.round(cloud.clock.offset / 60_000),
    paused: cloud.host.triggersPaused,
  }
}

beforeAll(async () => {
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: path.join(__dirname, '..', 'host', 'fixtures') })
  await cloud.server.db.setDocument('members', { _id: 'ann', balance: 300, tier: 'gold', joined: new Date('2027-01-05T00:00:00Z') })
  await cloud.server.db.setDocument('members', { _id: 'bob', balance: 50, tier: 'normal', joined: new Date('2027-03-01T00:00:00Z') })
})

afterAll(async () => {
  await cloud?.close()
})

describe('the console endpoints', () => {
  it('query in CloudBase syntax, with commands, dates and order', async () => {
    const rich = await request('POST', '/_emulator/collections/members/query', {
      where: "{ balance: _.gt(100).and(_.lt(500)), joined: _.lt(new Date('2027-02-01')) }",
    })
    expect(rich.body).toEqual({ total: 1, documents: [{ _id: 'ann', balance: 300, tier: 'gold', joined: { $date: '2027-01-05T00:00:00Z' } }] })
    const ordered = await request('POST', '/_emulator/collections/members/query', {
      where: "{ tier: _.in(['gold', 'normal']) }",
      orderBy: 'balance',
      order: 'asc',
    })
    expect((ordered.body.documents as Array<{ _id: string }>).map((d) => d._id)).toEqual(['bob', 'ann'])
    const listed = await request('GET', '/_emulator/collections')
    expect(listed.body.collections).toContainEqual({ name: 'members', count: 2, indexes: expect.any(Array) })
  })

  it('edit a document keeping its types, and delete one', async () => {
    const edited = await request('POST', '/_emulator/collections/members/documents/bob', {
      document: { _id: 'bob', balance: 75, tier: 'normal', joined: { $date: '2027-03-01T00:00:00Z' } },
    })
    expect(edited.status).toBe(200)
    const [bob] = cloud.server.db.matching('members', { _id: 'bob' })
    expect(bob).toEqual({ _id: 'bob', balance: 75, tier: 'normal', joined: new Date('2027-03-01T00:00:00Z') })
    await cloud.server.db.setDocument('members', { _id: 'gone', balance: 1 })
    expect((await request('POST', '/_emulator/collections/members/documents/gone/delete')).body).toEqual({ deleted: 1 })
    expect(cloud.server.db.matching('members', { _id: 'gone' })).toEqual([])
  })

  it('jump and reset the clock, pause the triggers', async () => {
    const before = cloud.clock.now().getTime()
    const day = await request('POST', '/_emulator/clock/jump', { days: 1 })
    expect(Date.parse(String(day.body.now)) - before).toBeGreaterThanOrEqual(86_400_000)
    await cloud.setClock('2027-01-31T10:00:00+08:00')
    const month = await request('POST', '/_emulator/clock/jump', { months: 1 })
    expect(String(month.body.now)).toMatch(/^2027-02-28T02:00/)
    await cloud.setClock(null)
    expect((await request('POST', '/_emulator/triggers', { paused: true })).body).toMatchObject({
      paused: true,
      triggers: [{ functionName: 'nightly', cron: '0 0 2 * * * *' }],
    })
    expect(cloud.host.triggersPaused).toBe(true)
    await request('POST', '/_emulator/triggers', { paused: false })
    expect(cloud.host.triggersPaused).toBe(false)
  })

  it('refuse bad input to every endpoint with a clear 4xx, changing nothing', async () => {
    const before = observable()
    const cases: Array<[string, unknown, number, RegExp]> = [
      ['/_emulator/collections/members/query', { where: '{ balance: _.gt( }' }, 400, /expected a value/],
      ['/_emulator/collections/members/query', { where: "{ a: require('fs') }" }, 400, /unknown name require/],
      ['/_emulator/collections/members/query', { where: '{ a: _.constructor(1) }' }, 400, /unknown command/],
      ['/_emulator/collections/members/query', { where: '{ a: { $nope: 1 } }' }, 400, /where|\$nope/],
      ['/_emulator/collections/members/query', { where: 42 }, 400, /where must be text/],
      ['/_emulator/collections/members/query', { limit: 1000 }, 400, /limit must be/],
      ['/_emulator/collections/members/query', { skip: -1 }, 400, /skip must be/],
      ['/_emulator/collections/members/query', { orderBy: 'balance', order: 'up' }, 400, /order must be/],
      ['/_emulator/collections/members/query', [], 400, /send a JSON object/],
      ['/_emulator/collections/nothing/query', {}, 404, /no collection named nothing/],
      ['/_emulator/collections/members/documents/ann', {}, 400, /send \{ document/],
      ['/_emulator/collections/members/documents/ann', { document: [1] }, 400, /send \{ document/],
      ['/_emulator/collections/members/documents/ann', { document: { _id: 'bob', balance: 1 } }, 400, /an _id cannot change/],
      ['/_emulator/collections/members/documents/ann', { document: { _id: { a: 1 }, balance: 1 } }, 400, /_id \(\{"a":1\}\) is not ann/],
      ['/_emulator/collections/members/documents/ann', { document: { $set: { balance: 1 } } }, 400, /update operators/],
      ['/_emulator/collections/members/documents/ann', { document: { at: { $date: 'never' } } }, 400, /not valid EJSON/],
      ['/_emulator/collections/nothing/documents/ann', { document: {} }, 404, /no collection/],
      ['/_emulator/collections/members/documents/nobody/delete', {}, 404, /no document nobody/],
      ['/_emulator/clock/jump', {}, 400, /send \{ days: 1 \}/],
      ['/_emulator/clock/jump', { days: 1.5 }, 400, /days must be a whole number/],
      ['/_emulator/clock/jump', { months: '1' }, 400, /months must be/],
      ['/_emulator/clock/jump', { days: 10_000_000 }, 400, /days must be/],
      ['/_emulator/triggers', { paused: 'yes' }, 400, /paused: true/],
      ['/_emulator/triggers', null, 400, /paused: true/],
    ]
    for (const [route, body, status, message] of cases) {
      const reply = await request('POST', route, body)
      expect(reply.status, `${route} ${JSON.stringify(body)}`).toBe(status)
      expect(String(reply.body.message), route).toMatch(message)
    }
    expect((await request('GET', '/_emulator/invocations?after=-1')).status).toBe(400)
    expect((await request('GET', '/_emulator/ui/../../package.json')).status).toBe(404)
    expect(observable()).toEqual(before)
  })

  it('keeps the guard: a foreign page or a form post cannot drive the console', async () => {
    const base = `${cloud.url}/_emulator/triggers`
    const form = await fetch(base, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"paused":true}' })
    expect(form.status).toBe(415)
    const foreign = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{"paused":true}',
    })
    expect(foreign.status).toBe(403)
    expect(cloud.host.triggersPaused).toBe(false)
  })
})
