import { beforeAll, describe, expect, it } from 'vitest'
import type { Voucher } from '../../shared/api'
import { CODE_PATTERN } from '../../shared/codes'
import type { LedgerEntry, Member, PurchaseDoc } from '../../shared/member'
import { DEFAULT_RULES } from '../../shared/rules'
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
    expect(a.code).toMatch(CODE_PATTERN)
    expect(Date.parse(a.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000)
    expect((await issue('order-1', 200_00)).code).toBe(a.code)
    const other = await c.call('store', { action: 'issuePurchase', orderId: 'order-1', amountFen: 300_00 }, 'demo-staff')
    expect(other).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('is refused to a shopper, and nothing is issued', async () => {
    expect(await c.call('store', { action: 'issuePurchase', orderId: 'order-x', amountFen: 100 }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
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
      purchase: expect.objectContaining({
        orderId: 'order-first',
        status: 'claimed',
        payFen: 200_00,
        awarded: 250,
        member: { nickname: '微信用户', tier: '普通会员' },
      }),
    })
    expect(await c.call('store', { action: 'claimPurchase', code }, 's-first')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect(await c.call('store', { action: 'claimPurchase', code }, 'demo-shopper-2')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('crosses silver and gold at once on 5500 yuan, paying both bonuses', async () => {
    await login('s-gold')
    // above a clerk's largest order (5000 yuan): the admin issues it
    const { code } = await c.data<Issued>('store', { action: 'issuePurchase', orderId: 'order-gold', amountFen: 5500_00 }, 'demo-admin')
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

  it('writes all the ledger entries of a claim in one billed database request', async () => {
    await login('s-one-write')
    const { code } = await c.data<Issued>('store', { action: 'issuePurchase', orderId: 'order-one-write', amountFen: 5500_00 }, 'demo-admin')
    const ledgerRequests = async () => ((await c.stats()) as { database: { byCollection: Record<string, number> } }).database.byCollection.ledger ?? 0
    const before = await ledgerRequests()
    await c.data('store', { action: 'claimPurchase', code, usePoints: true }, 's-one-write')
    expect((await ledgerRequests()) - before).toBe(1)
    // the cash, the purchase, the first-purchase bonus and two tier bonuses
    expect(await c.docs('ledger', { openid: 's-one-write', _id: { $regex: '^(purchase|tier):' } })).toHaveLength(5)
  })

  it('does not let the clerk who issued a code claim it', async () => {
    await login('demo-staff')
    const { code } = await issue('order-own', 80_00)
    expect(await c.call('store', { action: 'claimPurchase', code }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.data('store', { action: 'claimPurchase', code }, 's-first')).toMatchObject({ awarded: 80 })
  })

  it('refuses an unknown code and an expired one', async () => {
    expect(await c.call('store', { action: 'claimPurchase', code: '0000000000000000' }, 's-first')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
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

describe('a voucher code typed by hand at the counter', () => {
  it('is found and fulfilled when the clerk types it grouped, in lower case, with O for 0 and l for 1', async () => {
    await login('s-typed')
    const { code } = await issue('order-typed', 900_00)
    await c.data('store', { action: 'claimPurchase', code }, 's-typed')
    const { voucher } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'typed-1' }, 's-typed')
    // '7Z0Q 01AB …' as the clerk might type it: '7z0q-olab …'
    const typed = voucher.code
      .replace(/(.{4})(?=.)/g, '$1 ')
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l')
    expect(typed).not.toBe(voucher.code)
    expect(await c.data('store', { action: 'lookupVoucher', code: typed }, 'demo-staff')).toEqual({
      voucher,
      member: { nickname: '微信用户', tier: '银卡' },
    })
    const r = await c.data<{ voucher: Voucher }>('store', { action: 'fulfilVoucher', code: typed.replace(/ /g, '-') }, 'demo-staff')
    expect(r.voucher).toMatchObject({ code: voucher.code, status: 'fulfilled' })
    expect(await c.call('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
  })

  it('is refused in plain Chinese when it cannot be a code', async () => {
    expect(await c.call('store', { action: 'lookupVoucher', code: 'ABCD EFGH JKMN PQRU' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '码格式不正确' },
    })
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
    expect(await c.data('store', { action: 'lookupVoucher', code: voucher.code }, 'demo-staff')).toEqual({
      voucher,
      member: { nickname: '微信用户', tier: '银卡' },
    })
    expect(await c.call('store', { action: 'lookupVoucher', code: 'ZZZZZZZZZZZZZZZZ' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.call('store', { action: 'lookupVoucher', code: voucher.code }, 's-voucher')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })

  it('fulfils a pending voucher once; it can then not be rejected', async () => {
    expect(await c.call('store', { action: 'fulfilVoucher', code: voucher.code }, 's-voucher')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    // an hour ahead, so the time shown can only come from the fulfilment (the clock runs on from there)
    const fulfilledAt = Date.now() + 3_600_000
    const near = (iso: string | null | undefined) => Math.abs(Date.parse(iso ?? '') - fulfilledAt) < 5_000
    await c.setClock(new Date(fulfilledAt).toISOString())
    const r = await c.data<{ voucher: Voucher }>('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')
    await c.setClock(null)
    expect(voucher.handledAt).toBeNull()
    expect(r.voucher).toEqual({ ...voucher, status: 'fulfilled', handledAt: expect.any(String) })
    expect(near(r.voucher.handledAt)).toBe(true)
    // the shopper's voucher page shows the 核销 time
    const { vouchers } = await c.data<{ vouchers: Voucher[] }>('exchange', { action: 'vouchers', status: 'fulfilled' }, 's-voucher')
    expect(near(vouchers.find((v) => v.code === voucher.code)?.handledAt)).toBe(true)
    expect(await c.call('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    expect(await c.call('store', { action: 'rejectVoucher', code: voucher.code, reason: '顾客不要了' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    expect(await c.call('store', { action: 'fulfilVoucher', code: 'ZZZZZZZZZZZZZZZZ' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.call('store', { action: 'rejectVoucher', code: 'ZZZZZZZZZZZZZZZZ', reason: '缺货' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('rejects a pending voucher once and refunds its points', async () => {
    const before = (await c.data<{ balance: number }>('member', { action: 'summary' }, 's-voucher')).balance
    const { voucher: v } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'v2' }, 's-voucher')
    expect(await c.call('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 's-voucher')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    const r = await c.data<{ voucher: Voucher }>('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 'demo-staff')
    expect(r.voucher.status).toBe('rejected')
    expect(await c.call('store', { action: 'rejectVoucher', code: v.code, reason: '缺货' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    expect(await c.call('store', { action: 'fulfilVoucher', code: v.code }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
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
    expect(await c.call('store', { action: 'saveItem', item: { ...item, points: 1 } }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    await c.data('store', { action: 'saveItem', item: { ...item, stock: 5, perMemberLimit: 2 } }, 'demo-admin')
    const [tea] = await c.docs('items', { _id: 'tea' })
    expect(tea).toMatchObject({ points: 300, stock: 5, perMemberLimit: 2 })
  })
})

describe('the counter limits on clerks', () => {
  const issueAs = (openid: string, orderId: string, amountFen: number) =>
    c.call<Issued>('store', { action: 'issuePurchase', orderId, amountFen }, openid)
  /** A request refused only by a busy moment is tried again, as the clerk's screen would. */
  const issueUntilAnswered = async (openid: string, orderId: string, amountFen: number) => {
    let answer = await issueAs(openid, orderId, amountFen)
    for (let i = 0; i < 10 && !answer.ok && answer.error.code === 'CONFLICT'; i++) answer = await issueAs(openid, orderId, amountFen)
    return answer
  }
  const issuedBy = async (openid: string) => (await c.docs<PurchaseDoc>('purchases', { issuedBy: openid })).length
  const hour = (minutes: number) => c.setClock(new Date(Date.parse('2033-03-01T10:00:00+08:00') + minutes * 60_000).toISOString())

  it("are the merchant's to set", async () => {
    for (const clerk of ['k-rush', 'k-big']) await c.put('staff', { _id: clerk, role: 'staff', name: '店员' })
    await hour(0)
    const counter = { maxOrderFen: 1000_00, codesPerHour: 5, maxRefundFen: 200_00 }
    expect(await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, counter } }, 'demo-admin')).toMatchObject({ rules: { counter } })
    // past every instance's rules cache
    await hour(10)
  })

  it('issue exactly the hourly limit to a rush of 20 codes from one clerk, and count a repeated order once', async () => {
    const first = await c.data<Issued>('store', { action: 'issuePurchase', orderId: 'k-order-0', amountFen: 100_00 }, 'k-rush')
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => issueUntilAnswered('k-rush', `k-order-${i}`, 100_00)))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers[0]).toEqual({ ok: true, data: first })
    const refused = answers.filter((a) => !a.ok)
    expect(refused).toHaveLength(15)
    expect(
      refused.every((a) => !a.ok && a.error.code === 'LIMIT_REACHED' && a.error.message === '每小时最多生成 5 个积分码，请稍后再试或请店长生成'),
    ).toBe(true)
    expect(await issuedBy('k-rush')).toBe(5)
    // the same order still answers its code at the limit, and the next hour starts afresh
    expect(await issueAs('k-rush', 'k-order-0', 100_00)).toEqual({ ok: true, data: first })
    await hour(60)
    expect((await issueAs('k-rush', 'k-order-next-hour', 100_00)).ok).toBe(true)
    expect(await issuedBy('k-rush')).toBe(6)
  })

  it('refuse a clerk an order above the largest, which an admin may issue, as many as needed', async () => {
    expect(await issueAs('k-big', 'k-huge', 1000_01)).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '单笔超过 1000 元的积分码需要店长生成' },
    })
    expect(await issueAs('k-big', 'k-huge', 1_000_000_00)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.docs('orders', { _id: 'k-huge' })).toEqual([])
    expect((await issueAs('k-big', 'k-fine', 1000_00)).ok).toBe(true)
    const admin = await Promise.all(Array.from({ length: 8 }, (_, i) => issueAs('demo-admin', `k-admin-${i}`, 1_000_000_00)))
    expect(admin.every((a) => a.ok)).toBe(true)
    await login('k-buyer')
    const code = admin[0]?.ok ? admin[0].data.code : ''
    expect(await c.data<Claimed>('store', { action: 'claimPurchase', code }, 'k-buyer')).toMatchObject({ payFen: 1_000_000_00 })
  })
})
