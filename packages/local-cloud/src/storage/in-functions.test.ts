import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from '../host/testing'
import { bucketOf } from './paths'
import { TEST_COLLECTIONS } from '../test-collections'

type Reply<T> = { ok: true; data: T } | { ok: false; code?: string; errMsg: string }

let cloud: TestLocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: path.join(__dirname, 'fixtures') })
})

afterAll(async () => {
  await cloud?.close()
})

const files = async <T>(event: Record<string, unknown>): Promise<Reply<T>> => (await cloud.call<Reply<T>>('files', event, 'demo-admin')).body
const data = async <T>(event: Record<string, unknown>): Promise<T> => {
  const reply = await files<T>(event)
  if (!reply.ok) throw new Error(`${String(event.action)} failed: ${reply.errMsg}`)
  return reply.data
}
const postJson = (route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const stored = (): string[] => (fs.existsSync(cloud.storage.root) ? (fs.readdirSync(cloud.storage.root, { recursive: true }) as string[]) : [])

describe('storage inside a cloud function', () => {
  it('uploads, hands out a temporary URL, downloads and deletes through wx-server-sdk', async () => {
    const bytes = randomBytes(50_000)
    const { fileID } = await data<{ fileID: string }>({ action: 'upload', cloudPath: 'catalog/mug.jpg', base64: bytes.toString('base64') })
    expect(fileID).toBe(`cloud://local.${bucketOf('local')}/catalog/mug.jpg`)

    const url = await data<{ tempFileURL: string; maxAge: number }>({ action: 'tempUrl', fileID })
    expect(url.maxAge).toBe(600)
    const res = await fetch(url.tempFileURL)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await data<{ base64: string }>({ action: 'download', fileID })).base64).toBe(bytes.toString('base64'))

    expect(await data({ action: 'remove', fileID })).toMatchObject({ status: 0 })
    expect(await files({ action: 'download', fileID })).toMatchObject({ ok: false, code: 'STORAGE_FILE_NONEXIST' })
    expect((await fetch(url.tempFileURL)).status).toBe(404)
  })

  it('expires a temporary URL when the local cloud clock passes its maxAge', async () => {
    const { fileID } = await data<{ fileID: string }>({ action: 'upload', cloudPath: 'catalog/tea.png', base64: 'AAEC' })
    const { tempFileURL } = await data<{ tempFileURL: string }>({ action: 'tempUrl', fileID, maxAge: 30 })
    expect((await fetch(tempFileURL)).status).toBe(200)
    await cloud.setClock(new Date(Date.now() + 31_000).toISOString())
    try {
      expect((await fetch(tempFileURL)).status).toBe(403)
    } finally {
      await cloud.setClock(null)
    }
  })

  it('reports a traversing cloud path to the function and stores nothing', async () => {
    const before = stored()
    const reply = await files({ action: 'upload', cloudPath: 'catalog/../../../escape.txt', base64: 'AAEC' })
    expect(reply).toMatchObject({ ok: false, code: 'STORAGE_REQUEST_FAIL', errMsg: expect.stringContaining('..') })
    expect(stored()).toEqual(before)
  })
})

describe('POST /_storage: the H5 client upload', () => {
  it('stores the file and answers a file ID that functions can read', async () => {
    const bytes = randomBytes(3000)
    const res = await postJson('/_storage', { cloudPath: 'catalog/h5.png', base64: bytes.toString('base64') }, { origin: cloud.url })
    expect(res.status).toBe(200)
    const { fileID } = (await res.json()) as { fileID: string }
    expect(fileID).toBe(`cloud://local.${bucketOf('local')}/catalog/h5.png`)
    expect((await data<{ base64: string }>({ action: 'download', fileID })).base64).toBe(bytes.toString('base64'))
  })

  it('refuses bad input, other body types and other origins, storing nothing', async () => {
    const before = stored()
    const refusals: Array<[Promise<Response>, number]> = [
      [postJson('/_storage', { cloudPath: '../escape.png', base64: 'AAEC' }), 400],
      [postJson('/_storage', { cloudPath: '/abs.png', base64: 'AAEC' }), 400],
      [postJson('/_storage', { cloudPath: 'catalog/x.png', base64: 'not base64!' }), 400],
      [postJson('/_storage', { cloudPath: 'catalog/x.png' }), 400],
      [postJson('/_storage', { base64: 'AAEC' }), 400],
      [postJson('/_storage', { cloudPath: 'catalog/x.png', base64: 'AAEC' }, { origin: 'http://evil.example' }), 403],
      [
        fetch(`${cloud.url}/_storage`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ cloudPath: 'catalog/x.png', base64: 'AAEC' }),
        }),
        415,
      ],
    ]
    for (const [reply, status] of refusals) expect((await reply).status).toBe(status)
    const bad = await postJson('/_storage', { cloudPath: 'a/../b.png', base64: 'AAEC' })
    expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('..') })
    expect(stored()).toEqual(before)
  })
})

it('POST /_emulator/reset deletes the stored files with the data', async () => {
  await data({ action: 'upload', cloudPath: 'catalog/before-reset.txt', base64: 'AAEC' })
  expect(stored()).toContain(path.join('catalog', 'before-reset.txt'))
  await cloud.reset()
  expect(stored()).toEqual([])
})
