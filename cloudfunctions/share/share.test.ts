import { describe, expect, it } from 'vitest'
import type { Summary } from '../../shared/api'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())
const balance = async (openid: string) => (await c.data<Summary>('member', { action: 'summary' }, openid)).balance
const create = async (openid: string, itemId?: string) => (await c.data<{ shareId: string }>('share', { action: 'create', ...(itemId ? { itemId } : {}) }, openid)).shareId
const open = async (shareId: string, friend: string) => (await c.data<{ rewarded: boolean }>('share', { action: 'open', shareId }, friend)).rewarded

describe('share', () => {
  it('pays the sharer +5 when a friend opens, once per friend ever, never for their own share', async () => {
    await at('2030-05-01T10:00:00')
    await c.data('member', { action: 'login' }, 's-anna')
    const shareId = await create('s-anna', 'coffee')
    expect(shareId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(await open(shareId, 's-anna')).toBe(false)
    expect(await open(shareId, 's-friend-1')).toBe(true)
    expect(await open(shareId, 's-friend-1')).toBe(false)
    // another share by the same sharer does not reward the same friend again, even days later
    await at('2030-05-09T10:00:00')
    expect(await open(await create('s-anna'), 's-friend-1')).toBe(false)
    expect(await balance('s-anna')).toBe(105)
    // the sharer's entry names the friend by a keyed hash only
    expect((await c.docs('ledger', { openid: 's-anna', kind: 'share' })).map((e) => e._id)).toEqual([expect.stringMatching(/^share:s-anna:[0-9a-f]{32}$/)])
  })

  it('rewards at most 10 opens a day per sharer, counting by the merchant day', async () => {
    await at('2030-06-01T23:00:00')
    await c.data('member', { action: 'login' }, 's-ben')
    const shareId = await create('s-ben')
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => c.call<{ rewarded: boolean }>('share', { action: 'open', shareId }, `s-crowd-${i}`)))
    const rewarded = answers.filter((a) => a.ok && a.data.rewarded).length
    expect(rewarded).toBeLessThanOrEqual(10)
    expect(answers.every((a) => a.ok || a.error.code === 'CONFLICT')).toBe(true)
    // a friend refused only by a busy moment may open again; the cap still holds
    for (let i = 0; i < 14; i++) await open(shareId, `s-crowd-${i}`)
    expect((await c.docs('ledger', { openid: 's-ben', kind: 'share' })).length).toBe(10)
    expect(await balance('s-ben')).toBe(150)
    // 00:30 in Shanghai is a new merchant day (16:30 UTC the day before)
    await at('2030-06-02T00:30:00')
    expect(await open(shareId, 's-crowd-13')).toBe(true)
    expect(await open(shareId, 's-crowd-0')).toBe(false)
    expect(await balance('s-ben')).toBe(155)
  })

  it('refuses an unknown share, a malformed id and a caller without identity', async () => {
    expect(await c.call('share', { action: 'open', shareId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 's-friend-2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call('share', { action: 'open', shareId: 'short' }, 's-friend-2')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('share', { action: 'create', itemId: 'a:b' }, 's-anna')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('share', { action: 'create' }, 's-nobody')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.call('share', { action: 'create' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.docs('shares', { openid: 's-nobody' })).toEqual([])
    const before = JSON.stringify([await c.docs('shares'), await c.docs('shareOpens'), await c.docs('ledger', { kind: 'share' })])
    for (const shareId of [null, 12, 1e20, '', 'x'.repeat(300), 'AAAA:AAAAAAAAAAAAAAAAAA']) {
      expect(await c.call('share', { action: 'open', shareId }, 's-friend-3')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await c.call('share', { action: 'create', itemId: 'coffee', extra: true }, 's-anna')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(JSON.stringify([await c.docs('shares'), await c.docs('shareOpens'), await c.docs('ledger', { kind: 'share' })])).toBe(before)
  })
})
