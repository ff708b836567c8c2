import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Clock } from '../clock'
import { startTestDatabase, type TestDatabase } from '../db/testing'
import { bucketOf } from './paths'
import { CloudStorage } from './storage'
import { TEST_COLLECTIONS } from '../test-collections'

/** How wx-server-sdk raises a storage failure: errCode -1, CloudBase's code, the server's message in errMsg. */
interface WxError {
  errCode: number
  code?: string
  errMsg: string
}

const ENV = 'local-test'
let dataDir: string
let clock: Clock
let storage: CloudStorage
let test: TestDatabase

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-'))
  clock = new Clock()
  storage = new CloudStorage({ dataDir, clock, env: ENV })
  test = await startTestDatabase({ collections: TEST_COLLECTIONS, dataDir, clock, adminHandlers: storage.adminHandlers(), routes: storage.routes() })
  storage.connect(test.server.url)
})

afterAll(async () => {
  await test?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const cloud = (): TestDatabase['cloud'] => test.cloud
const upload = async (cloudPath: string, fileContent: Buffer): Promise<string> => (await cloud().uploadFile({ cloudPath, fileContent })).fileID
const tempUrl = async (fileID: string, maxAge?: number): Promise<{ tempFileURL: string; status: number; maxAge?: number; errMsg: string }> => {
  const res = await cloud().getTempFileURL({ fileList: [maxAge === undefined ? fileID : { fileID, maxAge }] })
  const [first] = (res as { fileList: Array<{ tempFileURL: string; status: number; maxAge?: number; errMsg: string }> }).fileList
  return first!
}
const download = async (fileID: string): Promise<Buffer> => (await cloud().downloadFile({ fileID })).fileContent
const failure = (promise: Promise<unknown>): Promise<WxError> =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (err: WxError) => err,
  )
const storedFiles = (): string[] => (fs.existsSync(storage.root) ? (fs.readdirSync(storage.root, { recursive: true }) as string[]) : [])

describe('upload, temporary URL, download', () => {
  it('round-trips the bytes through the real SDK with a CloudBase file ID', async () => {
    const bytes = randomBytes(10_000)
    const fileID = await upload('items/茶 杯.png', bytes)
    expect(fileID).toBe(`cloud://${ENV}.${bucketOf(ENV)}/items/茶 杯.png`)
    expect(fs.readFileSync(path.join(dataDir, 'storage', 'items', '茶 杯.png')).equals(bytes)).toBe(true)

    const url = await tempUrl(fileID)
    expect(url.status).toBe(0)
    expect(url.maxAge).toBe(86_400)
    const res = await fetch(encodeURI(url.tempFileURL))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await download(fileID)).equals(bytes)).toBe(true)
  })

  it('stores a 6 MB file, past the 5 MB limit of JSON requests', async () => {
    const bytes = randomBytes(6 * 1024 * 1024)
    const fileID = await upload('exports/ledger.csv', bytes)
    expect((await download(fileID)).equals(bytes)).toBe(true)
  })

  it('never serves half a file while uploads to the same path race', async () => {
    const payloads = Array.from({ length: 6 }, () => randomBytes(512 * 1024))
    const fileID = await upload('items/raced.bin', payloads[0]!)
    const { tempFileURL } = await tempUrl(fileID)
    const reads = Array.from({ length: 12 }, () => fetch(tempFileURL).then(async (res) => Buffer.from(await res.arrayBuffer())))
    await Promise.all(payloads.slice(1).map((bytes) => upload('items/raced.bin', bytes)))
    for (const body of await Promise.all(reads)) expect(payloads.some((bytes) => bytes.equals(body))).toBe(true)
  })

  it('replaces a file uploaded again to the same path', async () => {
    const fileID = await upload('items/again.txt', Buffer.from('first'))
    await upload('items/again.txt', Buffer.from('second'))
    expect((await download(fileID)).toString()).toBe('second')
  })
})

describe('temporary URLs expire and cannot be forged', () => {
  let fileID: string
  beforeAll(async () => {
    fileID = await upload('expiry/photo.jpg', Buffer.from('photo'))
  })

  it('serves the file until maxAge has passed on the local cloud clock, then answers 403', async () => {
    const url = await tempUrl(fileID, 60)
    expect(url.maxAge).toBe(60)
    expect((await fetch(url.tempFileURL)).status).toBe(200)
    clock.set(new Date(Date.now() + 61_000).toISOString())
    try {
      expect((await fetch(url.tempFileURL)).status).toBe(403)
    } finally {
      clock.set(null)
    }
  })

  it('never lasts longer than a day, as CloudBase caps it', async () => {
    expect((await tempUrl(fileID, 7 * 86_400)).maxAge).toBe(86_400)
  })

  it('answers 403 to a URL with its signature, its expiry or its path changed', async () => {
    const url = new URL((await tempUrl(fileID)).tempFileURL)
    const sign = url.searchParams.get('sign')!
    const forged = (change: (u: URL) => void): Promise<number> => {
      const copy = new URL(url)
      change(copy)
      return fetch(copy).then((res) => res.status)
    }
    expect(await forged(() => undefined)).toBe(200)
    expect(await forged((u) => u.searchParams.set('sign', `${sign.slice(0, -1)}${sign.endsWith('0') ? '1' : '0'}`))).toBe(403)
    expect(await forged((u) => u.searchParams.set('t', String(Number(u.searchParams.get('t')) + 86_400)))).toBe(403)
    expect(await forged((u) => u.searchParams.delete('sign'))).toBe(403)
    await upload('expiry/other.jpg', Buffer.from('other'))
    expect(await forged((u) => (u.pathname = '/_storage/expiry/other.jpg'))).toBe(403)
  })

  it('voids every URL when the local cloud restarts (a new signing secret)', async () => {
    const url = (await tempUrl(fileID)).tempFileURL
    const restarted = new CloudStorage({ dataDir, clock, env: ENV })
    const route = restarted.routes().find((r) => r.method === 'GET')!
    const target = new URL(url)
    const match = target.pathname.match(route.pattern)!
    const reply = await route.handle({ match, body: undefined, raw: Buffer.alloc(0), query: target.searchParams, headers: {} })
    expect(reply.status).toBe(403)
  })
})

describe('deleteFile', () => {
  it('removes the file: downloadFile then fails with STORAGE_FILE_NONEXIST and old URLs answer 404', async () => {
    const fileID = await upload('trash/once.txt', Buffer.from('bye'))
    const url = (await tempUrl(fileID)).tempFileURL
    const res = (await cloud().deleteFile({ fileList: [fileID] })) as { fileList: Array<{ fileID: string; status: number }> }
    expect(res.fileList).toEqual([expect.objectContaining({ fileID, status: 0 })])

    expect(await failure(download(fileID))).toMatchObject({ errCode: -1, code: 'STORAGE_FILE_NONEXIST' })
    expect((await tempUrl(fileID)).status).toBe(-503003)
    expect((await fetch(url)).status).toBe(404)
    // the emptied folder goes too
    expect(fs.existsSync(path.join(storage.root, 'trash'))).toBe(false)
  })

  it('reports a file that is not there per file, and deletes the others', async () => {
    const kept = await upload('trash/a.txt', Buffer.from('a'))
    const missing = kept.replace('a.txt', 'missing.txt')
    const res = (await cloud().deleteFile({ fileList: [missing, kept] })) as { fileList: Array<{ status: number }> }
    expect(res.fileList.map((f) => f.status)).toEqual([-503003, 0])
    expect(await failure(download(kept))).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' })
  })
})

describe('bad input is refused with a clear error and changes nothing', () => {
  it('refuses traversal, absolute and malformed cloud paths on upload', async () => {
    const before = storedFiles()
    for (const cloudPath of ['../escape.txt', 'items/../../escape.txt', '/etc/escape.txt', 'items//x.txt', 'items/a%2Fb.txt', 'items/x?.txt']) {
      const err = await failure(upload(cloudPath, Buffer.from('x')))
      expect(err.code, cloudPath).toBe('STORAGE_REQUEST_FAIL')
      expect(err.errMsg, cloudPath).toContain('[InvalidObjectName]: cloudPath must not')
    }
    expect(storedFiles()).toEqual(before)
    expect(fs.readdirSync(path.dirname(dataDir)).filter((name) => name === 'escape.txt')).toEqual([])
  })

  it('refuses an upload without file content before any request', async () => {
    const err = await failure(cloud().uploadFile({ cloudPath: 'items/empty.txt' } as never))
    expect(err.errMsg).toContain('fileContent')
  })

  it('answers INVALID_PARAM for a file ID of another environment or with a traversal', async () => {
    const good = await upload('items/real.txt', Buffer.from('real'))
    const others = [good.replace(`cloud://${ENV}.`, 'cloud://other-env.'), `cloud://${ENV}.${bucketOf(ENV)}/../../etc/passwd`, 'not-a-file-id']
    for (const fileID of others) {
      expect((await tempUrl(fileID)).status, fileID).toBe(-501007)
      expect(await failure(download(fileID)), fileID).toMatchObject({ code: 'INVALID_PARAM', errMsg: expect.stringContaining('fileID') })
    }
    const res = (await cloud().deleteFile({ fileList: others })) as { fileList: Array<{ status: number }> }
    expect(res.fileList.map((f) => f.status)).toEqual([-501007, -501007, -501007])
    expect((await download(good)).toString()).toBe('real')
  })

  it('refuses download paths with encoded slashes or backslashes, even under a valid signature', async () => {
    for (const bad of ['/_storage/items%2F..%2F..%2Fetc%2Fpasswd', '/_storage/items%5C..%5Cpasswd', '/_storage/%E0%A4%A']) {
      expect((await fetch(`${test.server.url}${bad}?sign=00&t=9999999999`)).status, bad).toBe(400)
    }
    const url = new URL((await tempUrl(await upload('items/slash.txt', Buffer.from('s')))).tempFileURL)
    url.pathname = '/_storage/items%2Fslash.txt'
    expect((await fetch(url)).status).toBe(400)
  })

  it('refuses a PUT without a valid upload signature, and one whose signature has expired', async () => {
    const target = `${test.server.url}/_storage?path=items/unsigned.txt`
    expect((await fetch(target, { method: 'PUT', body: 'x' })).status).toBe(403)
    const meta = await admin<{ data: { url: string; authorization: string } }>({ action: 'storage.getUploadMetadata', path: 'items/late.txt' })
    clock.set(new Date(Date.now() + 901_000).toISOString())
    try {
      const res = await fetch(meta.data.url, { method: 'PUT', body: 'late', headers: { authorization: meta.data.authorization } })
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('expired')
    } finally {
      clock.set(null)
    }
    expect(fs.existsSync(path.join(storage.root, 'items', 'unsigned.txt'))).toBe(false)
    expect(fs.existsSync(path.join(storage.root, 'items', 'late.txt'))).toBe(false)
  })

  it('refuses a signed PUT sent by a page of another origin', async () => {
    const meta = await admin<{ data: { url: string; authorization: string } }>({ action: 'storage.getUploadMetadata', path: 'items/foreign.txt' })
    const res = await fetch(meta.data.url, {
      method: 'PUT',
      body: 'x',
      headers: { authorization: meta.data.authorization, origin: 'http://evil.example' },
    })
    expect(res.status).toBe(403)
    expect(fs.existsSync(path.join(storage.root, 'items', 'foreign.txt'))).toBe(false)
  })

  it('answers INVALID_PARAM to more than 50 files in one call', async () => {
    const fileIDs = Array.from({ length: 51 }, (_, i) => `cloud://${ENV}.${bucketOf(ENV)}/many/${i}.txt`)
    const err = await failure(cloud().getTempFileURL({ fileList: fileIDs }) as Promise<unknown>)
    expect(err).toMatchObject({ code: 'INVALID_PARAM', errMsg: expect.stringContaining('at most 50') })
  })
})

async function admin<T>(body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${test.server.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return (await res.json()) as T
}
