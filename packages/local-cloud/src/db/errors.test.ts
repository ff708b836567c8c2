import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS, maxBodyBytes: 64 * 1024 })
  db = cloud.db
})

afterAll(async () => {
  await cloud.close()
})

interface SdkError {
  errCode: number
  errMsg: string
}

const failure = async (promise: Promise<unknown>): Promise<SdkError> => {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to fail')
}

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${cloud.server.url}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } })

describe('errors a cloud function sees', () => {
  it('a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const err = await failure(db.collection('nowhere').where({ a: 1 }).get())
    expect(err.errCode).toBe(-502005)
    const add = await failure(db.collection('nowhere').add({ data: { a: 1 } }))
    expect(add.errCode).toBe(-502005)
  })

  it('a duplicate _id fails and keeps the first document', async () => {
    await db.collection('staff').add({ data: { _id: 'boss', role: 'admin' } })
    const err = await failure(db.collection('staff').add({ data: { _id: 'boss', role: 'clerk' } }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain('duplicate key')
    expect((await db.collection('staff').doc('boss').get()).data).toEqual({ _id: 'boss', role: 'admin' })
  })

  it('refuses an _id that is an object, and keeps nothing', async () => {
    for (const shop of ['a', 'b']) {
      const err = await failure(db.collection('staff').add({ data: { _id: { shop }, role: 'keyed' } }))
      expect(err.errMsg).toContain('_id must be a string or a number')
    }
    expect((await db.collection('staff').where({ role: 'keyed' }).count()).total).toBe(0)
  })

  it('refuses a regular expression whose pattern or options are not text', async () => {
    for (const regex of ['{"pattern":{"a":1},"options":""}', '{"pattern":"a","options":["i"]}']) {
      const query = `{"role":{"$regularExpression":${regex}}}`
      const res = await post('/admin', JSON.stringify({ action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query }))
      expect(((await res.json()) as { code?: string }).code, regex).toBe('INVALID_PARAM')
    }
  })

  it('a unique index refuses a second document with the same key', async () => {
    await db.collection('purchases').add({ data: { _id: 'code1', orderId: 'o-1' } })
    const err = await failure(db.collection('purchases').add({ data: { _id: 'code2', orderId: 'o-1' } }))
    expect(err.errMsg).toContain('duplicate key')
    expect((await db.collection('purchases').count()).total).toBe(1)
  })

  it('an unknown query operator is an invalid-operator error', async () => {
    const res = await post(
      '/admin',
      JSON.stringify({ action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: '{"role":{"$near2":1}}' }),
    )
    const body = (await res.json()) as { code: string; requestId: string }
    expect(body.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(body.requestId).toBeTruthy()
  })

  it('a malformed regular expression is an invalid-operator error in the SDK', async () => {
    const err = await failure(
      db
        .collection('staff')
        .where({ role: db.RegExp({ regexp: '([a-z' }) })
        .get(),
    )
    expect(err.errCode).toBe(-502002)
  })

  it('a doc().get() of a missing document fails in the SDK', async () => {
    const err = await failure(db.collection('staff').doc('ghost').get())
    expect(err.errMsg).toContain('does not exist')
  })

  it('addCollection creates a collection once', async () => {
    await db.createCollection('visits')
    await db.collection('visits').add({ data: { n: 1 } })
    expect((await db.collection('visits').count()).total).toBe(1)
    const again = await failure(db.createCollection('visits'))
    expect(again.errMsg).toContain('already exists')
  })

  it('an insert without _id gets 32 hex characters', async () => {
    const res = (await db.collection('staff').add({ data: { role: 'clerk' } })) as unknown as { _id: string }
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
  })
})

// What the SDKs do with a reply's `code`. wx-server-sdk: init() passes throwOnCode: false, its wrappers' checkError /
// maybeTransformError (wx-server-sdk/index.js, helper/error-checker) raise errCode = TCB_ERR_CODE[code] (-501001 when
// unknown) and errMsg = message; doc().get() of nothing throws unless the database has throwOnNotFound: false.
// @cloudbase/node-sdk: dist/utils/tcbapirequester.js request() → processReturn throws a TcbError with `code` unless
// setThrowOnCode(false), which resolves the raw { code, message, requestId } instead.
describe('error codes as the SDKs raise them', () => {
  const nodeSdk = () =>
    require('@cloudbase/node-sdk') as {
      init(c: object): { database(): { collection(n: string): { where(q: object): { get(): Promise<unknown> } } } }
      setThrowOnCode(on: boolean): void
    }

  it('maps each database code to the errCode wx-server-sdk documents', async () => {
    expect((await failure(db.collection('nowhere').count())).errCode).toBe(-502005)
    expect(
      (
        await failure(
          db
            .collection('staff')
            .where({ role: db.RegExp({ regexp: '(' }) })
            .get(),
        )
      ).errCode,
    ).toBe(-502002)
    expect((await failure(db.collection('staff').add({ data: { _id: 'boss' } }))).errCode).toBe(-502001)
  })

  it('doc().get() of a missing document throws by default and answers data null with throwOnNotFound: false, in and out of transactions', async () => {
    // the declarations omit throwOnNotFound, which wx-server-sdk's DocumentReference.get reads from the database config
    const lenient = (cloud.cloud.database as (config: object) => unknown)({ throwOnNotFound: false }) as SdkDatabase
    expect((await failure(db.collection('staff').doc('ghost').get())).errMsg).toContain('document with _id ghost does not exist')
    expect((await lenient.collection('staff').doc('ghost').get()).data).toBeNull()
    const strictTx = (await db.startTransaction()) as unknown as { collection: SdkDatabase['collection']; rollback(): Promise<unknown> }
    expect((await failure(strictTx.collection('staff').doc('ghost').get())).errMsg).toContain('does not exist')
    await strictTx.rollback()
    const lenientTx = (await lenient.startTransaction()) as unknown as { collection: SdkDatabase['collection']; rollback(): Promise<unknown> }
    expect((await lenientTx.collection('staff').doc('ghost').get()).data).toBeNull()
    await lenientTx.rollback()
  })

  it('through @cloudbase/node-sdk a code throws with its name, or comes back as the reply with throwOnCode off', async () => {
    const sdk = nodeSdk()
    const query = () => sdk.init({ env: 'local-test' }).database().collection('nowhere').where({ a: 1 }).get()
    expect(await query().catch((e: unknown) => e)).toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: expect.stringContaining('not exist'),
    })
    sdk.setThrowOnCode(false)
    try {
      expect(await query()).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', requestId: expect.any(String) })
    } finally {
      sdk.setThrowOnCode(true)
    }
  })
})

describe('bad HTTP input', () => {
  it('answers oversize, malformed and unknown requests with a clear 4xx and keeps serving', async () => {
    const big = await post('/admin', 'a'.repeat(200 * 1024))
    expect(big.status).toBe(413)
    expect(((await big.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE')
    const chunked = await fetch(`${cloud.server.url}/admin`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('b'.repeat(16 * 1024)))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    const malformed = await post('/admin', '{"action": "database.getDocument",')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { code: string }).code).toBe('INVALID_JSON')
    const notObject = await post('/admin', '[1,2]')
    expect(notObject.status).toBe(400)
    const unknown = await fetch(`${cloud.server.url}/nowhere`)
    expect(unknown.status).toBe(404)
    const badAction = await post('/admin', JSON.stringify({ action: 'database.dropEverything' }))
    expect(((await badAction.json()) as { code: string }).code).toBe('INVALID_ACTION')
    const badEjson = await post('/admin', JSON.stringify({ action: 'database.insertDocument', collectionName: 'staff', data: ['{"a":'] }))
    expect(((await badEjson.json()) as { code: string }).code).toBe('INVALID_PARAM')
    const multipart = await post('/admin', 'x', 'multipart/form-data; boundary=b')
    expect(multipart.status).toBe(400)
    expect((await db.collection('staff').doc('boss').get()).data).toMatchObject({ role: 'admin' })
  })

  it('refuses EJSON nested deeper than 64 levels in data or a query with INVALID_PARAM, storing nothing', async () => {
    const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    const insert = await post(
      '/admin',
      JSON.stringify({ action: 'database.insertDocument', collectionName: 'staff', data: [`{"_id":"deep","x":${nested(70)}}`] }),
    )
    expect(await insert.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('nested deeper than 64 levels') })
    const query = await post(
      '/admin',
      JSON.stringify({
        action: 'database.getDocument',
        collectionName: 'staff',
        queryType: 'WHERE',
        query: `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      }),
    )
    expect(await query.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('nested deeper than 64 levels') })
    expect((await db.collection('staff').where({ _id: 'deep' }).count()).total).toBe(0)
    expect((await db.collection('staff').doc('boss').get()).data).toMatchObject({ role: 'admin' })
  })

  it('serves stats, moves the clock and resets all data', async () => {
    const stats = (await (await fetch(`${cloud.server.url}/_emulator/stats`)).json()) as {
      database: { byAction: Record<string, number>; byCollection: Record<string, number> }
    }
    expect(stats.database.byAction['database.insertDocument']).toBeGreaterThan(0)
    expect(stats.database.byCollection.staff).toBeGreaterThan(0)
    const moved = (await (await post('/_emulator/clock', JSON.stringify({ now: '2030-05-01T00:00:00Z' }))).json()) as { now: string }
    expect(moved.now.startsWith('2030-05-01')).toBe(true)
    expect((await post('/_emulator/clock', JSON.stringify({ now: 'yesterday' }))).status).toBe(400)
    await post('/_emulator/clock', JSON.stringify({ now: null }))
    expect(cloud.server.clock.offset).toBe(0)
    expect((await post('/_emulator/reset', '')).status).toBe(200)
    expect((await db.collection('staff').count()).total).toBe(0)
    expect((await failure(db.collection('visits').count())).errCode).toBe(-502005)
  })
})
