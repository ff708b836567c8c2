import { describe, expect, it } from 'vitest'
import type { LedgerEntryView, Summary } from '../../shared/api'
import type { LedgerEntry } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

describe('member.login and summary', () => {
  it('creates a member with the sign-up bonus once, however often they log in', async () => {
    const first = await c.data<Summary>('member', { action: 'login' }, 'm-new')
    expect(first).toMatchObject({ openid: 'm-new', balance: 100, tier: { id: 'normal' }, streak: { count: 0, checkedInToday: false } })
    await Promise.all([1, 2, 3].map(() => c.data('member', { action: 'login' }, 'm-new')))
    const again = await c.data<Summary>('member', { action: 'summary' }, 'm-new')
    expect(again.balance).toBe(100)
    expect(await c.docs('ledger', { openid: 'm-new' })).toHaveLength(1)
  })

  it('signs up members logging in at the same moment exactly once each', async () => {
    await Promise.all(Array.from({ length: 10 }, () => c.call('member', { action: 'login' }, 'm-rush')))
    expect((await c.docs('ledger', { openid: 'm-rush' })).map((e) => e._id)).toEqual(['signup:m-rush'])
  })

  it('asks a caller who never logged in to log in, and a caller without WeChat identity to open it in WeChat', async () => {
    expect(await c.call('member', { action: 'summary' }, 'm-stranger')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.call('member', { action: 'login' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.docs('members', { _id: 'm-stranger' })).toEqual([])
  })

  it('answers INTERNAL, not a crash, when a stored document is damaged', async () => {
    await c.put('members', { _id: 'm-damaged', balance: 5, lots: 'not a list' })
    expect(await c.call('member', { action: 'summary' }, 'm-damaged')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    })
    await c.remove('members', 'm-damaged')
    expect(await c.docs('members', { _id: 'm-damaged' })).toEqual([])
  })

  it('tells a shopper, a clerk and an owner their role at the store', async () => {
    const roles = await Promise.all(['m-new', 'demo-staff', 'demo-admin'].map((who) => c.data<Summary>('member', { action: 'login' }, who)))
    expect(roles.map((s) => s.role)).toEqual(['member', 'staff', 'admin'])
    expect((await c.data<Summary>('member', { action: 'summary' }, 'demo-staff')).role).toBe('staff')
  })

  it('recommends what the balance affords', async () => {
    const s = await c.data<Summary>('member', { action: 'summary' }, 'm-new')
    expect(s.recommendations).toEqual([{ itemId: 'free_delivery', text: '再攒 100 积分可兑换「免费配送券」' }])
  })
})

describe('member.updateProfile', () => {
  it('pays birthday +50 and address +30 once; a birthday cannot change later', async () => {
    await c.data('member', { action: 'login' }, 'm-profile')
    expect(await c.data('member', { action: 'updateProfile', birthday: '1990-05-06', address: '上海市徐汇区' }, 'm-profile')).toEqual({
      awarded: 80,
      balance: 180,
    })
    expect(await c.data('member', { action: 'updateProfile', nickname: '小王', address: '北京市朝阳区' }, 'm-profile')).toEqual({
      awarded: 0,
      balance: 180,
    })
    expect(await c.call('member', { action: 'updateProfile', birthday: '1991-01-01' }, 'm-profile')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    const s = await c.data<Summary>('member', { action: 'summary' }, 'm-profile')
    expect(s).toMatchObject({ nickname: '小王', balance: 180, profile: { birthday: '1990-05-06', address: '北京市朝阳区' } })
  })

  it('refuses a birthday in the future', async () => {
    expect(await c.call('member', { action: 'updateProfile', birthday: '2999-01-01' }, 'm-profile')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })
})

describe('member.ledger', () => {
  it('pages newest first with a cursor, in the order entries were made', async () => {
    await c.data('member', { action: 'login' }, 'm-ledger')
    await c.data('member', { action: 'updateProfile', birthday: '1988-02-03', address: '杭州' }, 'm-ledger')
    await c.data('checkin', { action: 'checkIn' }, 'm-ledger')
    const first = await c.data<{ entries: LedgerEntryView[]; nextCursor: string | null }>('member', { action: 'ledger', limit: 2 }, 'm-ledger')
    expect(first.entries.map((e) => e.delta)).toEqual([5, 30])
    expect(first.entries[0]).toMatchObject({ balanceAfter: 185, reason: '每日签到 +5' })
    const rest = await c.data<{ entries: LedgerEntryView[]; nextCursor: string | null }>(
      'member',
      { action: 'ledger', limit: 2, cursor: first.nextCursor },
      'm-ledger',
    )
    expect(rest).toMatchObject({ entries: [{ delta: 50 }, { delta: 100, reason: '注册会员，奖励 100 积分' }], nextCursor: null })
  })

  it('keeps to points in or points out when asked, page after page', async () => {
    type Page = { entries: LedgerEntryView[]; nextCursor: string | null }
    const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: 'ledger-out-1', amountFen: 300_00 }, 'demo-staff')
    await c.data('store', { action: 'claimPurchase', code }, 'm-ledger')
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'ledger-out' }, 'm-ledger')
    const spent = await c.data<Page>('member', { action: 'ledger', direction: 'out' }, 'm-ledger')
    expect(spent).toMatchObject({ entries: [{ delta: -200 }], nextCursor: null })
    const first = await c.data<Page>('member', { action: 'ledger', direction: 'in', limit: 2 }, 'm-ledger')
    const rest = await c.data<Page>('member', { action: 'ledger', direction: 'in', limit: 50, cursor: first.nextCursor }, 'm-ledger')
    const earned = [...first.entries, ...rest.entries]
    expect(earned.every((e) => e.delta > 0)).toBe(true)
    const all = await c.data<Page>('member', { action: 'ledger', limit: 50 }, 'm-ledger')
    expect(earned.map((e) => e.id)).toEqual(all.entries.filter((e) => e.delta > 0).map((e) => e.id))
    expect(await c.call('member', { action: 'ledger', direction: 'sideways' }, 'm-ledger')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '收支类型不在可选范围内', field: 'direction' },
    })
  })

  it('shows only the caller’s own entries', async () => {
    const mine = await c.data<{ entries: LedgerEntryView[] }>('member', { action: 'ledger' }, 'm-new')
    expect(mine.entries.map((e) => e.id)).toEqual(['signup:m-new'])
  })
})

describe('member.subscribe', () => {
  it('counts one message per consent tap and kind', async () => {
    await c.data('member', { action: 'subscribe', kinds: ['expiry'] }, 'm-new')
    const res = await c.data('member', { action: 'subscribe', kinds: ['expiry', 'benefit'] }, 'm-new')
    expect(res).toEqual({ subscriptions: { expiry: 2, benefit: 1 } })
  })

  it('asks a non-member to log in first', async () => {
    expect(await c.call('member', { action: 'subscribe', kinds: ['expiry'] }, 'm-stranger')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})

describe('member.deleteAccount', () => {
  it('removes personal data, keeps the ledger anonymised, and pays no second sign-up bonus', async () => {
    await c.data('member', { action: 'login' }, 'm-leaving')
    await c.data('member', { action: 'updateProfile', birthday: '1990-01-01', address: '深圳' }, 'm-leaving')
    const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: 'leaving-1', amountFen: 300_00 }, 'demo-staff')
    await c.data('store', { action: 'claimPurchase', code, usePoints: true }, 'm-leaving')
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'leaving' }, 'm-leaving')
    expect(await c.data('member', { action: 'deleteAccount' }, 'm-leaving')).toEqual({ deleted: true })
    expect(await c.docs('members', { _id: 'm-leaving' })).toEqual([])
    const all = await c.docs<LedgerEntry>('ledger')
    expect(all.filter((e) => JSON.stringify(e).includes('m-leaving'))).toEqual([])
    const kept = all.filter((e) => e.openid.startsWith('anon-'))
    expect(kept.map((e) => e.kind).sort()).toEqual(['cash', 'first', 'profile', 'profile', 'purchase', 'redeem', 'signup'])
    expect(kept.reduce((sum, e) => sum + e.delta, 0)).toBe(100 + 80 - 180 + 298 + 50 - 200)
    expect((await c.docs<{ openid: string }>('vouchers')).filter((v) => v.openid === 'm-leaving')).toEqual([])
    expect(await c.call('member', { action: 'summary' }, 'm-leaving')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await c.call('member', { action: 'deleteAccount' }, 'm-leaving')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE', message: '账号已经注销了' },
    })
    const back = await c.data<Summary>('member', { action: 'login' }, 'm-leaving')
    expect(back.balance).toBe(0)
  })
})
