import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

const FIXTURES = path.join(__dirname, 'fixtures')

interface Context {
  OPENID?: string
  APPID?: string
  SOURCE?: string
  ENV?: string
}
interface WhoAmI {
  before: Context
  after: Context
  event: Record<string, unknown>
  trigger: string | null
}
interface WxError {
  errCode: number
  errMsg: string
}

let cloud: TestLocalCloud
let h5Dir: string

beforeAll(async () => {
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'))
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>积分</title>')
  fs.writeFileSync(path.join(h5Dir, 'app.js'), 'console.log("app")')
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: FIXTURES, h5Dir, maxInstances: 4 })
})

afterAll(async () => {
  await cloud?.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

describe('identity', () => {
  it('gives each of 100 concurrent callers only their own OPENID', async () => {
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => cloud.call<WhoAmI>('whoami', { pauseMs: 15, i }, `shopper-${i}`)))
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200)
      expect(reply.body.before.OPENID).toBe(`shopper-${i}`)
      expect(reply.body.after.OPENID).toBe(`shopper-${i}`)
      expect(reply.body.event.i).toBe(i)
    })
    const stats = (await (await fetch(`${cloud.url}/_emulator/stats`)).json()) as { functions: Record<string, { instances: number }> }
    expect(stats.functions.whoami?.instances).toBeLessThanOrEqual(4)
  })

  it('answers a call without x-wx-openid with no OPENID, as a shopper-side call', async () => {
    const reply = await cloud.call<WhoAmI>('whoami', {})
    expect(reply.body.after.OPENID).toBeUndefined()
    expect(reply.body.after.SOURCE).toBe('wx_client')
    expect(reply.body.trigger).toBeNull()
  })
})

describe('failures look like wx.cloud.callFunction errors', () => {
  it('reports a throwing function as -504002 with status 500', async () => {
    const reply = await cloud.call<WxError>('boom', {}, 'shopper-1')
    expect(reply.status).toBe(500)
    expect(reply.body.errCode).toBe(-504002)
    expect(reply.body.errMsg).toMatch(/^cloud\.callFunction:fail .*the register is jammed/)
  })

  it('reports a timed-out function as -504003 with status 504, then serves it again from a fresh instance', async () => {
    const late = await cloud.call<WxError>('slow', { ms: 5000 }, 'shopper-1')
    expect(late.status).toBe(504)
    expect(late.body.errCode).toBe(-504003)
    expect(late.body.errMsg).toContain('timed out after 1 seconds')
    const quick = await cloud.call<{ finished: boolean }>('slow', { ms: 10 }, 'shopper-1')
    expect(quick).toEqual({ status: 200, body: { finished: true } })
  })

  it('answers 404 for an unknown function, 400 for malformed JSON or a non-object event', async () => {
    const missing = await cloud.call<WxError>('nosuch', {}, 'shopper-1')
    expect(missing.status).toBe(404)
    expect(missing.body.errCode).toBe(-501000)
    const malformed = await fetch(`${cloud.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":',
    })
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({ code: 'INVALID_JSON' })
    const list = await fetch(`${cloud.url}/functions/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' })
    expect(list.status).toBe(400)
    expect(((await list.json()) as WxError).errCode).toBe(-501007)
  })
})

describe('the emulator clock', () => {
  it('moves new Date() inside functions and the serverDate they store', async () => {
    await cloud.setClock('2030-06-01T00:00:00.000Z')
    try {
      const reply = await cloud.call<{
        now: string
        dateNow: number
        isDate: boolean
        text: string
        fromParts: number
        parsed: number
        stampedAt: string
        seenAt: string
      }>('clock', { action: 'stamp' }, 'shopper-1')
      expect(reply.status).toBe(200)
      const target = Date.parse('2030-06-01T00:00:00.000Z')
      for (const instant of [reply.body.now, reply.body.stampedAt, reply.body.seenAt]) {
        expect(Date.parse(instant) - target).toBeGreaterThanOrEqual(0)
        expect(Date.parse(instant) - target).toBeLessThan(10_000)
      }
      expect(reply.body.dateNow - target).toBeLessThan(10_000)
      expect(reply.body.isDate).toBe(true)
      // Date() as a function gives the shifted time as text; dates from parts and Date.parse are untouched
      expect(reply.body.text).toContain('2030')
      expect(reply.body.fromParts).toBe(29)
      expect(reply.body.parsed).toBe(Date.UTC(2020, 0, 1))
    } finally {
      await cloud.setClock(null)
    }
    const now = await cloud.call<{ now: string }>('clock', {}, 'shopper-1')
    expect(Math.abs(Date.parse(now.body.now) - Date.now())).toBeLessThan(10_000)
  })
})

describe('what functions call through wx-server-sdk', () => {
  it('runs cloud.callFunction with the calling shopper as the callee identity', async () => {
    const reply = await cloud.call<{ ok: boolean; data: { result: WhoAmI } }>('caller', { action: 'relay' }, 'shopper-7')
    expect(reply.body.ok).toBe(true)
    expect(reply.body.data.result.after.OPENID).toBe('shopper-7')
    expect(reply.body.data.result.after.SOURCE).toBe('wx_client,scf')
    expect(reply.body.data.result.event.from).toBe('caller')
  })

  it('raises the callee failure in the caller as wx-server-sdk does (errCode -1, -504002 in errMsg)', async () => {
    const reply = await cloud.call<{ ok: boolean; errCode: number; errMsg: string }>('caller', { action: 'relay', target: 'boom' }, 'shopper-7')
    expect(reply.body).toMatchObject({ ok: false, errCode: -1 })
    expect(reply.body.errMsg).toBe('callFunction:fail errCode: -504002 functions execute fail | errMsg: Error: the register is jammed')
  })

  it('delivers subscribeMessage.send to the outbox, visible in stats', async () => {
    const reply = await cloud.call<{ ok: boolean; data: { errCode: number } }>('caller', { action: 'notify', text: '积分即将过期' }, 'shopper-8')
    expect(reply.body).toEqual({ ok: true, data: { errCode: 0 } })
    const sent = cloud.outbox().filter((m) => m.openid === 'shopper-8')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      fromFunction: 'caller',
      apiName: 'subscribeMessage.send',
      data: { touser: 'shopper-8', template_id: 'points-expiring', data: { thing1: { value: '积分即将过期' } } },
    })
    const stats = (await (await fetch(`${cloud.url}/_emulator/stats`)).json()) as { outbox: unknown[] }
    expect(stats.outbox).toContainEqual(sent[0])
  })

  it('refuses an open API missing from the function permissions with -604101', async () => {
    const before = cloud.outbox().length
    const reply = await cloud.call<{ ok: boolean; errCode: number }>('caller', { action: 'unlisted' }, 'shopper-9')
    expect(reply.body).toMatchObject({ ok: false, errCode: -604101 })
    expect(cloud.outbox()).toHaveLength(before)
  })
})

describe('timer triggers', () => {
  it('fires by /_emulator/trigger with a timer event and no OPENID', async () => {
    const reply = await cloud.trigger<{ ticked: boolean; context: Context }>('nightly')
    expect(reply.status).toBe(200)
    expect(reply.body.context.OPENID).toBeUndefined()
    expect(reply.body.context.SOURCE).toBe('wx_trigger')
    const last = cloud.outbox().at(-1)
    expect(last?.data).toMatchObject({ touser: 'nobody', data: { trigger: { value: 'timer' }, type: { value: 'Timer' } } })
  })

  it('fires on its cron schedule (02:00 Asia/Shanghai) as the emulator clock passes it', async () => {
    const ran = (): number => cloud.outbox().filter((m) => m.fromFunction === 'nightly').length
    const before = ran()
    await cloud.setClock('2030-01-01T01:59:59.300+08:00')
    try {
      await waitFor(() => ran() > before, 5000)
      const entry = cloud
        .outbox()
        .filter((m) => m.fromFunction === 'nightly')
        .at(-1)
      expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(Date.parse('2030-01-01T02:00:00+08:00'))
      // Jumping past the next day's 02:00 does not replay it.
      await cloud.setClock('2030-01-02T03:00:00+08:00')
      await new Promise((resolve) => setTimeout(resolve, 800))
      expect(ran()).toBe(before + 1)
    } finally {
      await cloud.setClock(null)
    }
  })

  it('answers 404 when the function has no timer trigger', async () => {
    const reply = await cloud.trigger<WxError>('whoami')
    expect(reply.status).toBe(404)
  })
})

describe('the H5 build', () => {
  it('serves its files, and index.html for client routes', async () => {
    const js = await fetch(`${cloud.url}/app.js`)
    expect(js.headers.get('content-type')).toContain('javascript')
    expect(await js.text()).toBe('console.log("app")')
    const page = await fetch(`${cloud.url}/pages/mall/index`)
    expect(await page.text()).toContain('积分')
    const escape = await fetch(`${cloud.url}/..%2F..%2Fetc%2Fpasswd`)
    expect(await escape.text()).toContain('积分')
  })
})

async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
