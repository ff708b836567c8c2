import { beforeAll, describe, expect, it } from 'vitest'
import type { Voucher } from '../../shared/api'
import type { LedgerEntry, Member } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

type Issued = { code: string; expiresAt: string }
type Claimed = { awarded: number; deductedPoints: number; payFen: number; balance: number; tier: { id: string; name: string; rate: number } }

const c = useTestCloud()

const issue = (orderId: string, amountFen: number, multiplier?: number) =>
  c.data<Issued>('store', { action: 'issuePurchase', orderId, amountFen, ...(multiplier ? { multiplier } : {}) }, 'demo-staff')
const login = (openid: string) => c.data('member', { action: 'login' }, openid)

describe('store.issuePurchase', () => {
  it('gives a code valid 10 minutes, the same one again for the same order', async () => {
    const a = await issue('order-1', 200_00)
    expect(a.code).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(Date.parse(a.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000)
    expect((await issue('order-1', 200_00)).code).toBe(a.code)
    const other = await c.call('store', { action: 'issuePurchase', orderId: 'order-1', amountFen: 300_00 }, 'demo-staff')
    expect(other).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('is refused to a shopper, and nothing is issued', async () => {
    expect(await c.call('store', { action: 'issuePurchase', orderId: 'order-x', amountFen: 100 }, 'demo-shopper-1')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.docs('orders', { _id: 'order-x' })).toEqual([])
  })
})

describe('store.claimPurchase', () => {
  it('pays 200 + 50 on a first purchase of 200 yuan, once', async () => {
    await login('s-first')
    const { code } = await issue('order-first', 200_00)
    expect(await c.data<Claimed>('store', { action: 'claimPurchase', code }, 's-first')).toEqual({
      awarded: 250,
      deductedPoints: 0,
      payFen: 200_00,
      balance: 350,
      tier: { id: 'normal', name: '普通会员', rate: 1 },
      purchase: expect.objectContaining({ orderId: 'order-first', status: 'claimed', payFen: 200_00, awarded: 250, member: { nickname: '微信用户', tier: '普通会员' } }),
    })
    expect(await c.call('store', { action: 'claimPurchase', code }, 's-first')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.call('store', { action: 'claimPurchase', code }, 'demo-shopper-2')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('crosses silver and gold at once on 5500 yuan, paying both bonuses', async () => {
    await login('s-gold')
    const { code } = await issue('order-gold', 5500_00)
    const r = await c.data<Claimed>('store', { action: 'claimPurchase', code }, 's-gold')
    expect(r).toMatchObject({ awarded: 5500 + 50 + 100 + 500, tier: { id: 'gold', name: '金卡', rate: 1.5 } })
    const ids = (await c.docs<LedgerEntry>('ledger', { openid: 's-gold' })).map((e) => e._id).sort()
    expect(ids).toEqual([`purchase:${code}`, `purchase:${code}:first`, 'signup:s-gold', 'tier:s-gold:gold', 'tier:s-gold:silver'])
  })

  it('takes points as cash up to 10% and earns on the cash paid, with the staff multiplier', async () => {
    const { code } = await issue('order-cash', 100_00, 2)
    const r = await c.data<Claimed>('store', { action: 'claimPurchase', code, usePoints: true }, 's-first')
    // 350 points; 10% of 100 yuan = 10 yuan = 1000 points, so all 350 go: pay 96.50 yuan, earn floor(96.5 × 1 × 2) = 193
    expect(r).toMatchObject({ deductedPoints: 350, payFen: 96_50, awarded: 193, balance: 193 })
  })

  it('does not let the clerk who issued a code claim it', async () => {
    await login('demo-staff')
    const { code } = await issue('order-own', 80_00)
    expect(await c.call('store', { action: 'claimPurchase', code }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.data('store', { action: 'claimPurchase', code }, 's-first')).toMatchObject({ awarded: 80 })
  })

  it('refuses an unknown code and an expired one', async () => {
    expect(await c.call('store', { action: 'claimPurchase', code: 'AAAAAAAAAAAAAAAAAAAAAA' }, 's-first')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const { code } = await issue('order-late', 50_00)
    await c.setClock(new Date(Date.now() + 11 * 60_000).toISOString())
    expect(await c.call('store', { action: 'claimPurchase', code }, 's-first')).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
    await c.setClock(null)
  })

  it('credits 20 parallel claims of one code once', async () => {
    await login('s-rush')
    const { code } = await issue('order-rush', 300_00)
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.call<Claimed>('store', { action: 'claimPurchase', code }, 's-rush')))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok && a.error.code !== 'ALREADY_DONE' && a.error.code !== 'CONFLICT')).toEqual([])
    const [member] = await c.docs<Member>('members', { _id: 's-rush' })
    expect(member?.balance).toBe(100 + 300 + 50)
    expect(await c.violations()).toEqual([])
  })

  it('keeps the books straight when a member redeems and claims at the same time', async () => {
    await login('s-both')
    const { code: seed } = await issue('order-both-0', 500_00)
    await c.data('store', { action: 'claimPurchase', code: seed }, 's-both')
    const codes = await Promise.all([1, 2, 3, 4, 5].map((i) => issue(`order-both-${i}`, 100_00)))
    const answers = await Promise.all([
      ...codes.map(({ code }) => c.call('store', { action: 'claimPurchase', code, usePoints: true }, 's-both')),
      ...[1, 2, 3].map((i) => c.call('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: `both-${i}` }, 's-both')),
    ])
    const failed = answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)
    expect(failed.filter((code) => code !== 'CONFLICT' && code !== 'INSUFFICIENT_POINTS')).toEqual([])
    expect(await c.violations()).toEqual([])
  })
})

describe('store vouchers at the counter', () => {
  let voucher: Voucher
  beforeAll(async () => {
    await login('s-voucher')
    const { code } = await issue('order-voucher', 900_00)
    await c.data('store', { action: 'claimPurchase', code }, 's-voucher')
    voucher = (await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'v1' }, 's-voucher')).voucher
  })

  it('looks a voucher up with its holder', async () => {
    expect(await c.data('store', { action: 'lookupVoucher', code: voucher.code }, 'demo-staff')).toEqual({ voucher, member: { nickname: '微信用户', tier: '银卡' } })
    expect(await c.call('store', { action: 'lookupVoucher', code: 'BBBBBBBBBBBBBBBBBBBBBB' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call('store', { action: 'lookupVoucher', code: voucher.code }, 's-voucher')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
  })

  it('fulfils a pending voucher once; it can then not be rejected', async () => {
    expect(await c.call('store', { action: 'fulfilVoucher', code: voucher.code }, 's-voucher')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const r = await c.data<{ voucher: Voucher }>('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')
    expect(r.voucher).toEqual({ ...voucher, status: 'fulfilled' })
    expect(await c.call('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.call('store', { action: 'rejectVoucher', code: voucher.code, reason: '顾客不要了' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.call('store', { action: 'fulfilVoucher', code: 'CCCCCCCCCCCCCCCCCCCCCC' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call('store', { action: 'rejectVoucher', code: 'CCCCCCCCCCCCCCCCCCCCCC', reason: '缺货' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('rejects a pending voucher once and refunds its points', async () => {
    const before = (await c.data<{ balance: number }>('member', { action: 'summary' }, 's-voucher')).balance
    const { voucher: v } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'v2' }, 's-voucher')
    expect(await c.call('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 's-voucher')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    const r = await c.data<{ voucher: Voucher }>('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 'demo-staff')
    expect(r.voucher.status).toBe('rejected')
    expect(await c.call('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.call('store', { action: 'fulfilVoucher', code: v.code }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect((await c.data<{ balance: number }>('member', { action: 'summary' }, 's-voucher')).balance).toBe(before)
    const [refund] = await c.docs<LedgerEntry>('ledger', { _id: `refund:${v.code}` })
    expect(refund).toMatchObject({ delta: 200, kind: 'refund', reason: '「免费配送券」被退回，退回 200 积分' })
  })

  it('refuses to fulfil an expired voucher', async () => {
    const { voucher: v } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'v3' }, 's-voucher')
    await c.setClock(new Date(Date.parse(v.expiresAt) + 60_000).toISOString())
    expect(await c.call('store', { action: 'fulfilVoucher', code: v.code }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
    await c.setClock(null)
  })
})

describe('store.saveItem', () => {
  it('lets an admin add and change an item, and no one else', async () => {
    const item = { id: 'tea', name: '奶茶', kind: 'goods', points: 300, stock: 20 }
    expect(await c.data('store', { action: 'saveItem', item }, 'demo-admin')).toEqual({
      item: { ...item, validDays: 30, perMemberLimit: null, active: true },
    })
    expect(await c.call('store', { action: 'saveItem', item: { ...item, points: 1 } }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    await c.data('store', { action: 'saveItem', item: { ...item, stock: 5, perMemberLimit: 2 } }, 'demo-admin')
    const [tea] = await c.docs('items', { _id: 'tea' })
    expect(tea).toMatchObject({ points: 300, stock: 5, perMemberLimit: 2 })
  })
})
