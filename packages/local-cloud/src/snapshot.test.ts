import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from './host/testing'
import { TEST_COLLECTIONS } from './test-collections'

let cloud: TestLocalCloud
let work: string

const post = async (route: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** Every collection's documents and indexes, and every file beside the database: what a snapshot must keep. */
const state = (): unknown => {
  const db = cloud.server.db
  const files = listFiles(dataDir())
  const byId = (a: { _id?: unknown }, b: { _id?: unknown }): number => String(a._id).localeCompare(String(b._id))
  return { collections: db.collections().map((c) => ({ ...c, docs: db.matching(c.name, {}).sort(byId) })), files }
}
const dataDir = (): string => path.join(work, 'data')
const listFiles = (dir: string, prefix = ''): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('cloudbase.sqlite')) continue
    const rel = path.join(prefix, entry.name)
    if (entry.isDirectory()) Object.assign(out, listFiles(path.join(dir, entry.name), rel))
    else out[rel] = fs.readFileSync(path.join(dir, entry.name)).toString('base64')
  }
  return out
}
const readTree = (dir: string): Record<string, string> => listFiles(dir)

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-test-'))
  cloud = await startLocalCloud({
    collections: TEST_COLLECTIONS,
    functionsDir: path.join(__dirname, 'host', 'fixtures'),
    dataDir: path.join(work, 'data'),
  })
  const db = cloud.server.db
  await db.setDocument('members', {
    _id: 'm2',
    balance: 250,
    lots: [{ expires: '2027-11', points: 250 }],
    nextExpiryAt: new Date('2027-11-30T15:59:59.999Z'),
    big: 2 ** 40,
  })
  await db.setDocument('members', { _id: 'm1', balance: 1.5, profile: { city: '上海', tags: ['a', 'b'] }, birthday: null })
  db.defineCollection('visits', [{ fields: { day: 1, shop: -1 } }, { fields: { code: 1 }, unique: true }])
  await db.setDocument('visits', { _id: 'v1', day: '2027-01-01', shop: 'north', code: 'x1', at: new Date(0) })
  fs.mkdirSync(path.join(dataDir(), 'storage', 'avatars'), { recursive: true })
  fs.writeFileSync(path.join(dataDir(), 'storage', 'avatars', 'm1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]))
  fs.writeFileSync(path.join(dataDir(), 'storage', 'readme.txt'), '你好')
})

afterAll(async () => {
  await cloud?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('snapshots', () => {
  it('export → wipe → import gives the same documents, indexes and files', async () => {
    const before = state()
    const dir = path.join(work, 'snap')
    const exported = await post('/_emulator/export', { dir })
    expect(exported).toMatchObject({ status: 200, body: { documents: 3, files: 2 } })

    // readable EJSON, sorted by _id, one collection per file
    const members = fs.readFileSync(path.join(dir, 'collections', 'members.json'), 'utf8')
    expect(members.indexOf('"m1"')).toBeLessThan(members.indexOf('"m2"'))
    expect(members).toContain('"nextExpiryAt": {\n      "$date": "2027-11-30T15:59:59.999Z"\n    }')
    expect(
      (JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as { collections: Record<string, unknown> }).collections.visits,
    ).toEqual([{ fields: { day: 1, shop: -1 } }, { fields: { code: 1 }, unique: true }])

    await cloud.reset()
    // a reset deletes stored files too; make sure whatever the test wrote there is gone
    fs.rmSync(path.join(dataDir(), 'storage'), { recursive: true, force: true })
    expect(state()).not.toEqual(before)

    expect(await post('/_emulator/import', { dir })).toMatchObject({ status: 200, body: { documents: 3, files: 2 } })
    expect(state()).toEqual(before)
    // the unique index is live again, not just listed
    await expect(cloud.server.db.setDocument('visits', { _id: 'v2', code: 'x1' })).rejects.toThrow(/duplicate/)

    // a second export is byte for byte the first: fit to commit as a fixture
    const again = path.join(work, 'again')
    await post('/_emulator/export', { dir: again })
    expect(readTree(again)).toEqual(readTree(dir))
  })

  it('refuses a bad snapshot or folder with a clear 400 and changes nothing', async () => {
    const good = path.join(work, 'good')
    await post('/_emulator/export', { dir: good })
    const broken = (name: string, edit: (dir: string) => void): string => {
      const dir = path.join(work, name)
      fs.cpSync(good, dir, { recursive: true })
      edit(dir)
      return dir
    }
    const duplicate = broken('duplicate', (dir) =>
      fs.writeFileSync(path.join(dir, 'collections', 'visits.json'), JSON.stringify([{ _id: 'a' }, { _id: 'a' }])),
    )
    const badJson = broken('bad-json', (dir) => fs.writeFileSync(path.join(dir, 'collections', 'members.json'), '[{"_id": '))
    const noId = broken('no-id', (dir) => fs.writeFileSync(path.join(dir, 'collections', 'members.json'), '[{"balance": 1}]'))
    const badIndex = broken('bad-index', (dir) =>
      fs.writeFileSync(
        path.join(dir, 'snapshot.json'),
        JSON.stringify({ format: 'wechat-local-cloud-snapshot/1', collections: { members: [{ fields: { a: 'up' } }] } }),
      ),
    )
    const uniqueClash = broken('unique-clash', (dir) =>
      fs.writeFileSync(
        path.join(dir, 'collections', 'visits.json'),
        JSON.stringify([
          { _id: 'a', code: 'same' },
          { _id: 'b', code: 'same' },
        ]),
      ),
    )
    const notEmpty = path.join(work, 'not-empty')
    fs.mkdirSync(notEmpty)
    fs.writeFileSync(path.join(notEmpty, 'notes.txt'), 'mine')

    const before = state()
    const cases: Array<[string, unknown, RegExp]> = [
      ['/_emulator/import', { dir: path.join(work, 'missing') }, /not a snapshot/],
      ['/_emulator/import', { dir: duplicate }, /_id a twice/],
      ['/_emulator/import', { dir: badJson }, /not valid JSON/],
      ['/_emulator/import', { dir: noId }, /string _id/],
      ['/_emulator/import', { dir: badIndex }, /indexes of members/],
      ['/_emulator/import', { dir: uniqueClash }, /data is as it was/],
      ['/_emulator/import', { dir: dataDir() }, /inside the data folder/],
      ['/_emulator/import', {}, /send \{ dir/],
      ['/_emulator/import', [], /send a JSON object/],
      ['/_emulator/export', { dir: 42 }, /send \{ dir/],
      ['/_emulator/export', { dir: notEmpty }, /neither empty nor a snapshot/],
      ['/_emulator/export', { dir: path.join(dataDir(), 'inside') }, /inside the data folder/],
    ]
    for (const [route, body, message] of cases) {
      const reply = await post(route, body)
      expect(reply.status, `${route} ${JSON.stringify(body)}`).toBe(400)
      expect(String(reply.body.message)).toMatch(message)
    }
    expect(state()).toEqual(before)
    expect(fs.readdirSync(notEmpty)).toEqual(['notes.txt'])
    expect(cloud.host.triggersPaused).toBe(false)
  })
})
