import { describe, expect, it } from 'vitest'
import { callOverHttp, toEnvelope, type FetchLike } from './envelope'
import { currentIdentity, setIdentity } from './identity'

function fakeFetch(status: number, body: string, seen: { url?: string; headers?: Record<string, string>; body?: string } = {}): FetchLike {
  return (url, init) => {
    seen.url = url
    seen.headers = init.headers
    seen.body = init.body
    return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(body) })
  }
}

describe('transport over the local cloud', () => {
  it('posts the event with the identity header and returns the envelope', async () => {
    const seen: { url?: string; headers?: Record<string, string>; body?: string } = {}
    const env = await callOverHttp(fakeFetch(200, '{"ok":true,"data":{"balance":105}}', seen), 'checkin', { action: 'checkIn' }, 'demo-shopper-2')
    expect(env).toEqual({ ok: true, data: { balance: 105 } })
    expect(seen.url).toBe('/functions/checkin')
    expect(seen.headers?.['x-wx-openid']).toBe('demo-shopper-2')
    // the local cloud refuses any other body type (415)
    expect(seen.headers?.['content-type']).toBe('application/json')
    expect(JSON.parse(seen.body!)).toEqual({ action: 'checkIn' })
  })

  it('passes business errors through with their message', async () => {
    const body = '{"ok":false,"error":{"code":"INSUFFICIENT_POINTS","message":"积分不足"}}'
    expect(await callOverHttp(fakeFetch(200, body), 'exchange', {}, 'x')).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS', message: '积分不足' },
    })
  })

  it('keeps the field a refusal names, so a form can show the message beside it', async () => {
    const body = '{"ok":false,"error":{"code":"INVALID_ARGUMENT","message":"积分不能为负数","field":"item.points"}}'
    expect(await callOverHttp(fakeFetch(200, body), 'store', {}, 'x')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '积分不能为负数', field: 'item.points' },
    })
  })

  it('never passes an English message on to the shopper', () => {
    const env = toEnvelope({ ok: false, error: { code: 'INTERNAL', message: 'errCode: -504002 functions execute fail' } })
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '操作失败，请稍后再试' } })
  })

  it('turns a network failure into a readable INTERNAL envelope', async () => {
    const failing: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'))
    const env = await callOverHttp(failing, 'member', {}, 'x')
    expect(env.ok).toBe(false)
    if (!env.ok) expect(env.error).toEqual({ code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' })
  })

  it('turns an HTML error page into INTERNAL with the status', async () => {
    const env = await callOverHttp(fakeFetch(502, '<html>Bad Gateway</html>'), 'member', {}, 'x')
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用（502），请稍后再试' } })
  })

  it('refuses shapes that are not envelopes', () => {
    expect(toEnvelope({ balance: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(toEnvelope(null)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(toEnvelope({ ok: false, error: { code: 'WHATEVER', message: '出错了' } })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '出错了' },
    })
  })
})

describe('local identity switcher', () => {
  it('defaults to the first demo shopper and remembers a choice', () => {
    const map = new Map<string, string>()
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
    expect(currentIdentity(storage)).toBe('demo-shopper-1')
    setIdentity('demo-staff', storage)
    expect(currentIdentity(storage)).toBe('demo-staff')
    map.set('pointsClub.identity', 'someone-else')
    expect(currentIdentity(storage)).toBe('demo-shopper-1')
  })
})
