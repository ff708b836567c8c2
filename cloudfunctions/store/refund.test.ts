import { describe, expect, it } from 'vitest'
import type { Purchase } from '../../shared/api'
import type { LedgerEntry, Member } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

type Refunded = { purchase: Purchase; clawedBack: number; returnedPoints: number; balance: number }
const login = (openid: string) => c.data('member', { action: 'login' }, openid)
const refund = (orderId: string, refundId: string, amountFen: number, staff = 'demo-staff') =>
  c.call<Refunded>('store', { action: 'refund', orderId, refundId, amountFen }, staff)
const member = async (openid: string) => (await c.docs<Member>('members', { _id: openid }))[0]!

/** The shopper buys `amountFen` at the clerk's code and claims it. */
async function bought(openid: string, orderId: string, amountFen: number): Promise<void> {
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen }, 'demo-staff')
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

describe('store.refund', () => {
  it('refunds 30% then 70%, the shopper’s history saying why points went', async () => {
    await login('r-parts')
    await bought('r-parts', 'r-o1', 100_00)
    const first = await c.data<Refunded>('store', { action: 'refund', orderId: 'r-o1', refundId: 'a', amountFen: 30_00 }, 'demo-staff')
    // 150 earned (100 + 50 first): 30% is 45
    expect(first).toMatchObject({ clawedBack: 45, returnedPoints: 0, balance: 250 - 45, purchase: { status: 'partlyRefunded', refundedFen: 30_00 } })
    const rest = await c.data<Refunded>('store', { action: 'refund', orderId: 'r-o1', refundId: 'b', amountFen: 70_00 }, 'demo-staff')
    expect(rest).toMatchObject({ clawedBack: 105, balance: 100, purchase: { status: 'refunded', refundedFen: 100_00 } })
    expect(await refund('r-o1', 'c', 1)).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    const { entries } = await c.data<{ entries: { reason: string; delta: number }[] }>('member', { action: 'ledger' }, 'r-parts')
    expect(entries.slice(0, 2)).toEqual([
      expect.objectContaining({ delta: -105, reason: '订单 r-o1 退款 70.00 元，收回消费获得的 105 积分' }),
      expect.objectContaining({ delta: -45, reason: '订单 r-o1 退款 30.00 元，收回消费获得的 45 积分' }),
    ])
    expect(await member('r-parts')).toMatchObject({ totalSpentFen: 0, purchases: 0 })
  })

  it('answers 20 parallel refunds with one refund id once, and the repeat gets the first answer', async () => {
    await login('r-rush')
    await bought('r-rush', 'r-o2', 200_00)
    const answers = await Promise.all(Array.from({ length: 20 }, () => refund('r-o2', 'same', 50_00)))
    const ok = answers.filter((a) => a.ok)
    expect(answers.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
    expect(ok.length).toBeGreaterThanOrEqual(1)
    for (const a of ok) expect(a).toEqual(ok[0])
    expect(await c.docs('refunds', { orderId: 'r-o2' })).toHaveLength(1)
    expect((await c.data<{ purchase: Purchase }>('store', { action: 'purchase', orderId: 'r-o2' }, 'demo-staff')).purchase.refundedFen).toBe(50_00)
    expect(await c.docs<LedgerEntry>('ledger', { openid: 'r-rush', kind: 'clawback' })).toHaveLength(1)
    expect(await refund('r-o2', 'same', 60_00)).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })

  it('never refunds more than was paid when 10 refunds with their own ids rush at once', async () => {
    await login('r-many')
    await bought('r-many', 'r-o3', 100_00)
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => refund('r-o3', `part-${i}`, 15_00)))
    const failed = answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)
    expect(failed.filter((code) => code !== 'LIMIT_REACHED' && code !== 'CONFLICT')).toEqual([])
    const refunds = await c.docs<{ amountFen: number }>('refunds', { orderId: 'r-o3' })
    const total = refunds.reduce((s, r) => s + r.amountFen, 0)
    expect(total).toBeLessThanOrEqual(100_00)
    expect(refunds.length).toBe(answers.filter((a) => a.ok).length)
    // six parts of 15 fit in 100; the rest are refused, and 10 more still fits
    expect(refunds.length).toBeLessThanOrEqual(6)
    expect((await c.data<{ purchase: Purchase }>('store', { action: 'purchase', orderId: 'r-o3' }, 'demo-staff')).purchase.refundedFen).toBe(total)
    expect(await c.violations()).toEqual([])
  })

  it('needs an admin above the clerk’s refund limit', async () => {
    await login('r-big')
    await bought('r-big', 'r-o4', 800_00)
    expect(await refund('r-o4', 'big', 600_00)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.docs('refunds', { orderId: 'r-o4' })).toEqual([])
    expect(await refund('r-o4', 'big', 600_00, 'demo-admin')).toMatchObject({ ok: true, data: { purchase: { status: 'partlyRefunded' } } })
    expect(await refund('r-o4', 'small', 200_00)).toMatchObject({ ok: true, data: { purchase: { status: 'refunded' } } })
    expect(await refund('r-none', 'x', 1_00)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await refund('r-o4', 'x', 1_00, 'r-big')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
  })

  it('leaves a debt when the earned points were spent, settled by later earnings', async () => {
    await login('r-debt')
    await bought('r-debt', 'r-o5', 300_00)
    // 100 + 300 + 50 = 450; a 200-point voucher twice leaves 50
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'd1' }, 'r-debt')
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'd2' }, 'r-debt')
    const r = await c.data<Refunded>('store', { action: 'refund', orderId: 'r-o5', refundId: 'all', amountFen: 300_00 }, 'demo-staff')
    expect(r).toMatchObject({ clawedBack: 350, balance: 0 })
    expect(await member('r-debt')).toMatchObject({ balance: 0, pointsDebt: 300 })
    await bought('r-debt', 'r-o6', 400_00)
    // 400 earned (the first-purchase bonus is not paid twice) settle the 300 first
    expect(await member('r-debt')).toMatchObject({ balance: 100, pointsDebt: 0 })
  })

  it('refunds cleanly while the nightly job expires the same lots', async () => {
    const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())
    const shoppers = ['r-night-1', 'r-night-2', 'r-night-3', 'r-night-4']
    await at('2025-01-15T10:00:00')
    for (const [i, s] of shoppers.entries()) {
      await login(s)
      const { code } = await c.data<{ code: string }>('member', { action: 'memberCode', allowPoints: true }, s)
      // 100 points as cash from the sign-up lot, 99 + 50 earned: every lot expires at the end of 2026-01
      await c.data('store', { action: 'checkout', orderId: `r-night-${i}`, amountFen: 100_00, memberCode: code }, 'demo-staff')
    }
    await at('2026-02-01T02:00:00')
    const [job, ...refunds] = await Promise.all([c.trigger('expiry'), ...shoppers.map((_, i) => refund(`r-night-${i}`, 'night', 90_00))])
    expect(job).toBeTruthy()
    for (const r of refunds) expect(r).toMatchObject({ ok: true, data: { returnedPoints: 0, balance: 0 } })
    for (const s of shoppers) {
      // the 149 earned had expired: one expiry entry whoever ran first; the refund's share (90 of 99 yuan: 135) stays owed
      // and the 90 points paid as cash are not given back past their expiry
      expect(await c.docs<LedgerEntry>('ledger', { openid: s, kind: 'expire' })).toEqual([expect.objectContaining({ delta: -149 })])
      expect(await member(s)).toMatchObject({ balance: 0, pointsDebt: 135, lots: [] })
    }
    await c.setClock(null)
    expect(await c.violations()).toEqual([])
  })

  it('gives a shopper deleting or gone the money back, moving no points, and checks out none of their 会员码', async () => {
    await login('r-gone')
    await bought('r-gone', 'r-o7', 100_00)
    const { code } = await c.data<{ code: string }>('member', { action: 'memberCode' }, 'r-gone')
    // as the deletion leaves the member between its mark and its end
    await c.put('members', { ...(await member('r-gone')), deleting: { anon: 'anon-r-gone', since: new Date() } })
    const partly = await refund('r-o7', 'while-leaving', 30_00)
    expect(partly).toMatchObject({ ok: true, data: { clawedBack: 0, returnedPoints: 0, purchase: { status: 'partlyRefunded', refundedFen: 30_00 } } })
    expect(await c.docs<LedgerEntry>('ledger', { openid: 'r-gone', kind: 'clawback' })).toEqual([])
    expect(await c.call('store', { action: 'checkout', orderId: 'r-o8', amountFen: 10_00, memberCode: code }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.docs('purchases', { orderId: 'r-o8' })).toEqual([])

    // logging in again finishes the deletion: the order now names the anonymous id, and the new life is not touched
    const before = await c.data<{ balance: number }>('member', { action: 'login' }, 'r-gone')
    expect(await refund('r-o7', 'after', 70_00)).toMatchObject({
      ok: true,
      data: { clawedBack: 0, purchase: { status: 'refunded', refundedFen: 100_00 } },
    })
    expect((await c.data<{ balance: number }>('member', { action: 'summary' }, 'r-gone')).balance).toBe(before.balance)
    expect(await c.docs('ledger', { openid: 'r-gone' })).toEqual([])
    expect(await c.violations()).toEqual([])
  })
})
