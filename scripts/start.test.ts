import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')

let child: ChildProcess
let url = ''
let output = ''
let dataDir: string

/** Documents of a collection, read through /admin as wx-server-sdk would. */
async function documents(collectionName: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.getDocument', collectionName, queryType: 'WHERE', query: '{}', limit: 1000 }),
  })
  const body = (await res.json()) as { data: { list: string[] } }
  return body.data.list.map((text) => EJSON.parse(text, { relaxed: true }) as Record<string, unknown>)
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-'))
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: path.join(dataDir, 'data'), H5: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const started = Date.now()
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output}`)), 90_000)
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const found = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (found?.[1]) {
        clearTimeout(timer)
        resolve(found[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
  })
  console.log(`npm start: ready in ${Date.now() - started} ms (build, server, seed)`)
})

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('seeds the demo catalog and staff on first start', async () => {
    const items = await documents('items')
    expect(Object.fromEntries(items.map((item) => [item._id, item.points]))).toEqual({
      free_delivery: 200,
      coffee: 500,
      coupon_10: 1000,
      video_month: 5000,
    })
    const staff = await documents('staff')
    expect(Object.fromEntries(staff.map((person) => [person._id, person.role]))).toEqual({ 'demo-staff': 'staff', 'demo-admin': 'admin' })
    expect(output).toContain('seeded the demo')
  })

  it('answers POST /functions/member as the x-wx-openid shopper', async () => {
    const started = Date.now()
    const res = await fetch(`${url}/functions/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'starter-1' },
      body: JSON.stringify({ action: 'login' }),
    })
    console.log(`first /functions/member call: ${Date.now() - started} ms`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'starter-1' } })
    const members = (await documents('members')).map((m) => m._id)
    expect(members).toEqual(expect.arrayContaining(['demo-shopper-1', 'demo-shopper-2', 'demo-shopper-3', 'starter-1']))
  })

  it('wipes the data and seeds again on /_emulator/reset', async () => {
    const res = await fetch(`${url}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(200)
    const members = (await documents('members')).map((m) => m._id)
    expect(members.sort()).toEqual(['demo-shopper-1', 'demo-shopper-2', 'demo-shopper-3'])
    expect(await documents('items')).toHaveLength(4)
  })

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    await expect(fetch(`${url}/_emulator/stats`)).rejects.toThrow()
  })
})
