/**
 * What the local cloud refuses before any function or the database sees it: bodies nested too deep,
 * and what a web page open on the developer's machine could send (non-JSON bodies, a foreign
 * Origin, a foreign Host after DNS rebinding). Through the product's functions with the demo seeded.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestLocalCloud } from '@points-club/wechat-local-cloud/testing'
import { startProductCloud } from './product-cloud'

let cloud: TestLocalCloud
let h5Dir: string

interface Answer {
  status: number
  body: Record<string, unknown>
}

/** One raw HTTP request, so any Host, Origin or Content-Type can be sent as a browser or attacker would. */
function request(method: 'GET' | 'POST', route: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: cloud.port, method, path: route, headers: { host: `127.0.0.1:${cloud.port}`, ...headers }, timeout: 10_000 },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } }),
        )
      },
    )
    req.on('timeout', () => req.destroy(new Error(`${method} ${route} got no answer in 10 s`)))
    req.on('error', reject)
    req.end(body)
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }
const deep = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

async function ids(collection: string): Promise<string[]> {
  const reply = (await cloud.server.db.handle('database.getDocument', {
    collectionName: collection,
    queryType: 'WHERE',
    query: '{}',
    limit: 1000,
  })) as { data: { list: string[] } }
  return reply.data.list.map((text) => String((EJSON.parse(text) as { _id: string })._id))
}

beforeAll(async () => {
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'))
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>积分</title>')
  cloud = await startProductCloud({ h5Dir, maxInstances: 4 })
})

afterAll(async () => {
  await cloud?.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

describe('bodies nested deeper than 64 levels', () => {
  it('answers five 200,000-deep events 400 at once and keeps serving other callers', async () => {
    const body = `{"action":"login","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`
    for (let i = 0; i < 5; i++) {
      const started = Date.now()
      const reply = await request('POST', '/functions/member', { ...JSON_TYPE, 'x-wx-openid': 'deep-1' }, body)
      expect(reply).toMatchObject({ status: 400, body: { code: 'NESTED_TOO_DEEP' } })
      expect(Date.now() - started).toBeLessThan(2000)
    }
    const login = await cloud.call<{ ok: boolean }>('member', { action: 'login' }, 'after-deep')
    expect(login).toMatchObject({ status: 200, body: { ok: true } })
    expect(await ids('members')).not.toContain('deep-1')
  })

  it('lets 64 levels through to the function and refuses 65, on every route', async () => {
    const event = (depth: number): string => `{"action":"login","x":${deep(depth - 1)}}`
    // the function answers it (its router refuses the unknown field)
    const allowed = await request('POST', '/functions/member', { ...JSON_TYPE, 'x-wx-openid': 'depth-64' }, event(64))
    expect(allowed).toMatchObject({ status: 200, body: { ok: false, error: { code: 'INVALID_ARGUMENT' } } })
    for (const route of ['/functions/member', '/admin', '/_emulator/clock', '/_emulator/reset']) {
      expect(await request('POST', route, JSON_TYPE, event(65))).toMatchObject({ status: 400, body: { code: 'NESTED_TOO_DEEP' } })
    }
  })

  it('refuses a 200,000-deep event one function hands another (request_data) with a CloudBase error', async () => {
    const body = JSON.stringify({ action: 'functions.invokeFunction', function_name: 'member', request_data: deep(200_000) })
    const reply = await request('POST', '/admin', JSON_TYPE, body)
    expect(reply).toMatchObject({ status: 200, body: { code: 'INVALID_PARAM', message: expect.stringContaining('64') } })
    expect((await cloud.call<{ ok: boolean }>('member', { action: 'login' }, 'after-relay')).status).toBe(200)
  })
})

describe('requests a web page on the same machine could send', () => {
  const staffUpsert = JSON.stringify({
    action: 'database.modifyDocument',
    collectionName: 'staff',
    queryType: 'DOC',
    query: '{"_id":"intruder"}',
    data: '{"role":"admin"}',
    merge: false,
    upsert: true,
  })

  it('refuses a POST whose body is not declared JSON with 415, changing nothing', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {}
      const refused = (route: string, body: string, extra: Record<string, string> = {}): Promise<Answer> =>
        request('POST', route, { ...headers, ...extra }, body)
      if (!type.startsWith('multipart'))
        expect(await refused('/admin', staffUpsert)).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
      expect((await refused('/_emulator/reset', '{}')).status).toBe(415)
      expect((await refused('/_emulator/clock', '{"now":"2040-01-01T00:00:00Z"}')).status).toBe(415)
      expect((await refused('/functions/member', '{"action":"login"}', { 'x-wx-openid': 'plain-1' })).status).toBe(415)
    }
    expect(await ids('staff')).not.toContain('intruder')
    expect(cloud.clock.offset).toBe(0)
    expect(await ids('members')).toEqual(expect.arrayContaining(['demo-shopper-1', 'after-deep']))
    expect(await ids('members')).not.toContain('plain-1')
  })

  it('accepts application/json with a charset', async () => {
    const reply = await request(
      'POST',
      '/functions/member',
      { 'content-type': 'application/json; charset=utf-8', 'x-wx-openid': 'charset-1' },
      '{"action":"login"}',
    )
    expect(reply).toMatchObject({ status: 200, body: { ok: true } })
  })

  it('refuses a foreign Origin with 403 and serves its own', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${cloud.port + 1}`, `https://localhost:${cloud.port}`]) {
      expect(await request('POST', '/admin', { ...JSON_TYPE, origin }, staffUpsert)).toMatchObject({ status: 403, body: { code: 'FOREIGN_ORIGIN' } })
      expect((await request('GET', '/_emulator/stats', { origin })).status).toBe(403)
    }
    expect(await ids('staff')).not.toContain('intruder')
    for (const origin of [`http://127.0.0.1:${cloud.port}`, `http://localhost:${cloud.port}`, `http://[::1]:${cloud.port}`]) {
      const reply = await request('POST', '/functions/member', { ...JSON_TYPE, origin, 'x-wx-openid': 'h5-shopper' }, '{"action":"login"}')
      expect(reply).toMatchObject({ status: 200, body: { ok: true } })
    }
  })

  it('refuses a Host that is not this loopback server (DNS rebinding), for GET and POST', async () => {
    for (const host of [`evil.example:${cloud.port}`, 'evil.example', `127.0.0.1:${cloud.port + 1}`, `127.0.0.1.evil.example:${cloud.port}`]) {
      expect(await request('GET', '/', { host })).toMatchObject({ status: 421, body: { code: 'FOREIGN_HOST' } })
      expect((await request('GET', '/_emulator/stats', { host })).status).toBe(421)
      expect((await request('POST', '/_emulator/reset', { ...JSON_TYPE, host }, '{}')).status).toBe(421)
      expect((await request('POST', '/admin', { ...JSON_TYPE, host }, staffUpsert)).status).toBe(421)
    }
    expect(await ids('staff')).not.toContain('intruder')
    expect(await ids('members')).toContain('after-deep')
    for (const host of [`localhost:${cloud.port}`, `[::1]:${cloud.port}`, `LOCALHOST:${cloud.port}`]) {
      const page = await request('GET', '/pages/mall/index', { host })
      expect(page).toMatchObject({ status: 200, body: { text: expect.stringContaining('积分') } })
    }
  })
})
