import { describe, expect, it } from 'vitest'
import type { CatalogItem, Voucher } from '../../shared/api'
import type { Member } from '../../shared/member'
import { CODE_PATTERN } from '../../shared/codes'
import { useTestCloud } from '../use-test-cloud'

type Redeemed = { voucher: Voucher; balance: number }

const c = useTestCloud()

/** A member holding `points` (below silver), earned through a purchase staff issued (so ledger and lots agree). */
async function memberWith(openid: string, points: number): Promise<void> {
  await c.data('member', { action: 'login' }, openid)
  const extra = points - 100 - 50
  if (extra <= 0) return
  const { code } = await c.data<{ code: string }>(
    'store',
    { action: 'issuePurchase', orderId: `seed-${openid}`, amountFen: extra * 100 },
    'demo-staff',
  )
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

describe('exchange.catalog', () => {
  it('lists active items, cheapest first, with what the caller can afford', async () => {
    const { items } = await c.data<{ items: CatalogItem[] }>('exchange', { action: 'catalog' }, 'demo-shopper-1')
    expect(items.map((i) => [i.id, i.points, i.affordable])).toEqual([
      ['free_delivery', 200, false],
      ['coffee', 500, false],
      ['coupon_10', 1000, false],
      ['video_month', 5000, false],
    ])
    expect(items[0]).toEqual({
      id: 'free_delivery',
      name: '免费配送券',
      kind: 'coupon',
      points: 200,
      stock: 100,
      affordable: false,
      description: '',
      imageUrl: null,
      minTier: null,
      aboveTier: false,
      saleEnd: null,
      value: null,
    })
  })
})

describe('exchange.redeem', () => {
  it('spends the points, takes one from stock and hands a pending voucher valid 30 days', async () => {
    await memberWith('x-buyer', 800)
    const r = await c.data<Redeemed>('exchange', { action: 'redeem', itemId: 'coffee', requestId: 'req-1' }, 'x-buyer')
    expect(r.balance).toBe(300)
    expect(r.voucher).toMatchObject({ itemId: 'coffee', name: '中杯咖啡', points: 500, status: 'pending' })
    expect(r.voucher.code).toMatch(CODE_PATTERN)
    expect(Date.parse(r.voucher.expiresAt) - Date.parse(r.voucher.createdAt)).toBe(30 * 86_400_000)
    const [coffee] = await c.docs<{ stock: number }>('items', { _id: 'coffee' })
    expect(coffee?.stock).toBe(99)
  })

  it('answers ALREADY_DONE to the same requestId and changes nothing', async () => {
    const again = await c.call('exchange', { action: 'redeem', itemId: 'coffee', requestId: 'req-1' }, 'x-buyer')
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.data('member', { action: 'summary' }, 'x-buyer')).toMatchObject({ balance: 300 })
  })

  it('refuses without enough points, an unknown item, a sold-out item and past the per-member limit', async () => {
    expect(await c.call('exchange', { action: 'redeem', itemId: 'video_month', requestId: 'req-2' }, 'x-buyer')).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'no-such-item', requestId: 'req-3' }, 'x-buyer')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await c.put('items', { _id: 'gone', name: '售罄商品', kind: 'goods', points: 10, stock: 0, validDays: 30, active: true })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'gone', requestId: 'req-4' }, 'x-buyer')).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_STOCK' },
    })
    await c.put('items', { _id: 'once', name: '限兑一次', kind: 'privilege', points: 10, stock: 9, validDays: 7, perMemberLimit: 1, active: true })
    await c.data('exchange', { action: 'redeem', itemId: 'once', requestId: 'req-5' }, 'x-buyer')
    expect(await c.call('exchange', { action: 'redeem', itemId: 'once', requestId: 'req-6' }, 'x-buyer')).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    })
    await c.put('items', { _id: 'hidden', name: '已下架', kind: 'goods', points: 10, stock: 9, validDays: 7, active: false })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'hidden', requestId: 'req-7' }, 'x-buyer')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.data('member', { action: 'summary' }, 'x-buyer')).toMatchObject({ balance: 290 })
  })

  it('asks a caller who is not a member to log in', async () => {
    expect(await c.call('exchange', { action: 'redeem', itemId: 'coffee', requestId: 'r' }, 'x-stranger')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('limits an item named like an object member (toString) per member, and refuses __proto__ as an id', async () => {
    await c.data('member', { action: 'login' }, 'x-proto')
    const item = { id: 'toString', name: '限兑一次', kind: 'coupon', points: 10, stock: 9, perMemberLimit: 1 }
    await c.data('store', { action: 'saveItem', item }, 'demo-admin')
    expect(await c.call('exchange', { action: 'redeem', itemId: 'toString', requestId: 'p-1' }, 'x-proto')).toMatchObject({
      ok: true,
      data: { balance: 90 },
    })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'toString', requestId: 'p-2' }, 'x-proto')).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    })
    const [member] = await c.docs<Member>('members', { _id: 'x-proto' })
    expect(member?.redeemed).toEqual({ toString: 1 })
    for (const id of ['__proto__', 'constructor']) {
      expect(await c.call('store', { action: 'saveItem', item: { ...item, id } }, 'demo-admin')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      })
      expect(await c.call('exchange', { action: 'redeem', itemId: id, requestId: 'p-3' }, 'x-proto')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '这个编号是保留字，请换一个' },
      })
    }
  })

  it('sells exactly the stock when 50 members rush 5 units, never more', async () => {
    await c.put('items', { _id: 'rush', name: '限量福袋', kind: 'goods', points: 60, stock: 5, validDays: 30, active: true })
    const members = Array.from({ length: 50 }, (_, i) => `x-rush-${i}`)
    for (const m of members) await c.data('member', { action: 'login' }, m)
    const answers = await Promise.all(
      members.map((m) => c.call<Redeemed>('exchange', { action: 'redeem', itemId: 'rush', requestId: `rush-${m}` }, m)),
    )
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code))
    expect(codes.filter((x) => x === 'ok')).toHaveLength(5)
    expect(codes.filter((x) => x !== 'ok' && x !== 'OUT_OF_STOCK' && x !== 'CONFLICT')).toEqual([])
    const [item] = await c.docs<{ stock: number }>('items', { _id: 'rush' })
    expect(item?.stock).toBe(0)
    expect(await c.docs('vouchers', { itemId: 'rush' })).toHaveLength(5)
    const spent = await c.docs<Member>('members', { balance: 40 })
    expect(spent.filter((m) => m._id.startsWith('x-rush-'))).toHaveLength(5)
    expect(await c.violations()).toEqual([])
  })
})

describe('exchange.vouchers', () => {
  it('lists the caller’s vouchers newest first, filtered by status', async () => {
    const all = await c.data<{ vouchers: Voucher[] }>('exchange', { action: 'vouchers' }, 'x-buyer')
    expect(all.vouchers.map((v) => v.itemId)).toEqual(['once', 'coffee'])
    const pending = await c.data<{ vouchers: Voucher[] }>('exchange', { action: 'vouchers', status: 'fulfilled' }, 'x-buyer')
    expect(pending.vouchers).toEqual([])
    expect(await c.data('exchange', { action: 'vouchers' }, 'demo-shopper-2')).toEqual({ vouchers: [] })
  })
})
