import { describe, expect, it } from 'vitest'
import type { Summary } from '../../shared/api'
import { CODE_PATTERN } from '../../shared/codes'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())
const balance = async (openid: string) => (await c.data<Summary>('member', { action: 'summary' }, openid)).balance
const create = async (openid: string, itemId?: string) =>
  (await c.data<{ shareId: string }>('share', { action: 'create', ...(itemId ? { itemId } : {}) }, openid)).shareId
const login = (...openids: string[]) => Promise.all(openids.map((openid) => c.data('member', { action: 'login' }, openid)))
const open = async (shareId: string, friend: string) => (await c.data<{ rewarded: boolean }>('share', { action: 'open', shareId }, friend)).rewarded

describe('share', () => {
  it('pays the sharer +5 when a friend opens, once per friend ever, never for their own share', async () => {
    await at('2030-05-01T10:00:00')
    await login('s-anna', 's-friend-1')
    const shareId = await create('s-anna', 'coffee')
    expect(shareId).toMatch(CODE_PATTERN)
    expect(await open(shareId, 's-anna')).toBe(false)
    expect(await open(shareId, 's-friend-1')).toBe(true)
    expect(await open(shareId, 's-friend-1')).toBe(false)
    // another share by the same sharer does not reward the same friend again, even days later
    await at('2030-05-09T10:00:00')
    expect(await open(await create('s-anna'), 's-friend-1')).toBe(false)
    expect(await balance('s-anna')).toBe(105)
    // the sharer's entry names the friend by a keyed hash only
    expect((await c.docs('ledger', { openid: 's-anna', kind: 'share' })).map((e) => e._id)).toEqual([
      expect.stringMatching(/^share:s-anna:[0-9a-f]{32}$/),
    ])
  })

  it('rewards at most 10 opens a day per sharer, counting by the merchant day', async () => {
    await at('2030-06-01T23:00:00')
    const crowd = Array.from({ length: 14 }, (_, i) => `s-crowd-${i}`)
    await login('s-ben', ...crowd)
    const shareId = await create('s-ben')
    const answers = await Promise.all(crowd.map((friend) => c.call<{ rewarded: boolean }>('share', { action: 'open', shareId }, friend)))
    const rewarded = answers.filter((a) => a.ok && a.data.rewarded).length
    expect(rewarded).toBeLessThanOrEqual(10)
    expect(answers.every((a) => a.ok || a.error.code === 'CONFLICT')).toBe(true)
    // a friend refused only by a busy moment may open again; the cap still holds
    for (const friend of crowd) await open(shareId, friend)
    const paid = new Set((await c.docs('ledger', { openid: 's-ben', kind: 'share' })).map((e) => e._id))
    expect(paid.size).toBe(10)
    expect(await balance('s-ben')).toBe(150)
    // 00:30 in Shanghai is a new merchant day (16:30 UTC the day before): the 4 friends left out yesterday now reward, the 10 who rewarded never again
    await at('2030-06-02T00:30:00')
    const today: boolean[] = []
    for (const friend of crowd) today.push(await open(shareId, friend))
    expect(today.filter(Boolean)).toHaveLength(4)
    expect(await balance('s-ben')).toBe(170)
  })

  it('pays nothing for a friend who never joined, and asks them to log in', async () => {
    await at('2030-07-01T10:00:00')
    await login('s-cara')
    const shareId = await create('s-cara')
    const before = await balance('s-cara')
    for (let i = 0; i < 3; i++) {
      expect(await c.call('share', { action: 'open', shareId }, `s-stranger-${i}`)).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: '请先登录成为会员' },
      })
    }
    expect(await balance('s-cara')).toBe(before)
    expect(await c.docs('shareOpens', { sharer: 's-cara' })).toEqual([])
    // the same friend, once a member, still rewards the sharer
    await login('s-stranger-0')
    expect(await open(shareId, 's-stranger-0')).toBe(true)
    expect(await balance('s-cara')).toBe(before + 5)
  })

  it('lets a member create 20 shares a merchant day, even in a rush, and refuses the 21st', async () => {
    await at('2030-08-01T23:00:00')
    await login('s-dora')
    const createUntilAnswered = async () => {
      let answer = await c.call<{ shareId: string }>('share', { action: 'create' }, 's-dora')
      for (let i = 0; i < 10 && !answer.ok && answer.error.code === 'CONFLICT'; i++)
        answer = await c.call<{ shareId: string }>('share', { action: 'create' }, 's-dora')
      return answer
    }
    const answers = await Promise.all(Array.from({ length: 25 }, createUntilAnswered))
    expect(answers.filter((a) => a.ok)).toHaveLength(20)
    expect(answers.filter((a) => !a.ok)).toEqual(
      Array.from({ length: 5 }, () => ({ ok: false, error: { code: 'LIMIT_REACHED', message: '每天最多分享 20 次，明天再来吧' } })),
    )
    expect(await c.docs('shares', { openid: 's-dora' })).toHaveLength(20)
    // 00:30 in Shanghai is the next merchant day
    await at('2030-08-02T00:30:00')
    expect((await createUntilAnswered()).ok).toBe(true)
    expect(await c.docs('shares', { openid: 's-dora' })).toHaveLength(21)
  })

  it('refuses an unknown share, a malformed id and a caller without identity', async () => {
    await login('s-friend-2')
    expect(await c.call('share', { action: 'open', shareId: '0000000000000000' }, 's-friend-2')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.call('share', { action: 'open', shareId: 'short' }, 's-friend-2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await c.call('share', { action: 'create', itemId: 'a:b' }, 's-anna')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('share', { action: 'create' }, 's-nobody')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.call('share', { action: 'create' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.docs('shares', { openid: 's-nobody' })).toEqual([])
    const before = JSON.stringify([await c.docs('shares'), await c.docs('shareOpens'), await c.docs('ledger', { kind: 'share' })])
    for (const shareId of [null, 12, 1e20, '', 'x'.repeat(300), 'AAAA:AAAAAAAAAAAAAAAAAA']) {
      expect(await c.call('share', { action: 'open', shareId }, 's-friend-3')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await c.call('share', { action: 'create', itemId: 'coffee', extra: true }, 's-anna')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(JSON.stringify([await c.docs('shares'), await c.docs('shareOpens'), await c.docs('ledger', { kind: 'share' })])).toBe(before)
  })
})
