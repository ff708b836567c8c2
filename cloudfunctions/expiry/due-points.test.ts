import { describe, expect, it } from 'vitest'
import type { LedgerEntryView, Summary } from '../../shared/api'
import type { LedgerEntry, Member } from '../../shared/member'
import type { JobReport } from './index'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** Merchant time (+08:00) as the functions see it. */
const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())

const trigger = () => c.trigger<JobReport>('expiry')

async function issue(orderId: string, yuan: number): Promise<string> {
  return (await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: yuan * 100 }, 'demo-staff')).code
}

const summary = (openid: string) => c.data<Summary>('member', { action: 'summary' }, openid)
const ledger = async (openid: string) => (await c.data<{ entries: LedgerEntryView[] }>('member', { action: 'ledger', limit: 50 }, openid)).entries
const stored = async (openid: string) => (await c.docs<Member>('members', { _id: openid }))[0]!
const expiries = (openid: string) => c.docs<LedgerEntry>('ledger', { openid, kind: 'expire' })

// each earns 250 in January 2030 (sign-up 100, a 100-yuan purchase and the first-purchase 50), due 2031-01-31 23:59:59.999
const PEOPLE = ['d-ann', 'd-bob', 'd-cy']

describe('points past their expiry instant, before the daily job reaches them', () => {
  it('earns points that fall due at the end of January 2031, and a few fresh ones', async () => {
    await at('2030-01-15T10:00:00')
    for (const openid of PEOPLE) {
      await c.data('member', { action: 'login' }, openid)
      await c.data('store', { action: 'claimPurchase', code: await issue(`d-order-${openid}`, 100) }, openid)
    }
    await at('2030-02-10T10:00:00')
    for (const openid of PEOPLE) await c.data('checkin', { action: 'checkIn' }, openid) // +5, due 2031-02
    // seconds before the instant (the clock runs on, so a busy machine gets some slack): the points are still there to spend
    await at('2031-01-31T23:59:50')
    const { balance } = await c.data<{ balance: number }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'd-bob-1' }, 'd-bob')
    expect(balance).toBe(55)
    expect((await summary('d-ann')).balance).toBe(255)
  })

  it('leaves them out of the summary from the instant on, without writing anything', async () => {
    await at('2031-02-01T00:30:00')
    const s = await summary('d-ann')
    expect(s.balance).toBe(5)
    expect(s.expiring).toEqual([{ points: 5, expiresAt: '2031-02-28T15:59:59.999Z' }])
    expect(s.recommendations.map((r) => r.itemId)).toEqual(['free_delivery'])
    expect(s.recommendations[0]?.text).toContain('再攒 195 积分')
    // a read stays a read: the stored member and the ledger wait for the next change
    expect((await stored('d-ann')).balance).toBe(255)
    expect(await expiries('d-ann')).toEqual([])
  })

  it('refuses to redeem with them and changes nothing', async () => {
    const refused = await c.call('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'd-ann-1' }, 'd-ann')
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS', message: expect.stringContaining('当前 5') } })
    const { items } = await c.data<{ items: Array<{ id: string; affordable: boolean }> }>('exchange', { action: 'catalog' }, 'd-ann')
    expect(items.find((i) => i.id === 'free_delivery')?.affordable).toBe(false)
    expect(await c.docs('vouchers', { openid: 'd-ann' })).toEqual([])
    expect((await stored('d-ann')).balance).toBe(255)
    expect(await c.violations()).toEqual([])
  })

  it('credits a check-in on top of what is left, after the expiry entry the job would have written', async () => {
    const answer = await c.data<{ awarded: number; balance: number }>('checkin', { action: 'checkIn' }, 'd-ann')
    expect(answer).toMatchObject({ awarded: 5, balance: 10 })
    const [checkin, expired] = await ledger('d-ann')
    expect(checkin).toMatchObject({ delta: 5, balanceAfter: 10 })
    expect(expired).toMatchObject({ id: 'expire:d-ann:2031-01', delta: -250, balanceAfter: 5, reason: '2031-01 到期积分失效' })
    expect(await stored('d-ann')).toMatchObject({
      balance: 10,
      lots: [
        { expires: '2031-02', points: 5 },
        { expires: '2032-02', points: 5 },
      ],
    })
    expect(await c.violations()).toEqual([])
  })

  it('pays a purchase with only the points still open', async () => {
    const code = await issue('d-order-cy-2', 100)
    const claim = await c.data<{ awarded: number; deductedPoints: number; payFen: number; balance: number }>(
      'store',
      { action: 'claimPurchase', code, usePoints: true },
      'd-cy',
    )
    // 5 points left to use as cash (5 fen), not the 250 that were due
    expect(claim).toEqual(expect.objectContaining({ deductedPoints: 5, payFen: 100_00 - 5, awarded: 99, balance: 99 }))
    expect((await ledger('d-cy')).slice(0, 3).map((e) => [e.id, e.delta, e.balanceAfter])).toEqual([
      [`purchase:${code}`, 99, 99],
      [`purchase:${code}:cash`, -5, 0],
      ['expire:d-cy:2031-01', -250, 5],
    ])
  })

  it('leaves the daily job nothing more to expire for those who acted, and expires the rest once', async () => {
    await at('2031-02-01T02:00:00')
    const before = await stored('d-ann')
    const first = await trigger()
    expect(first.done).toBe(true)
    // d-ann and d-cy are done already; d-bob did nothing since and loses the 50 left of January's lot now
    expect((await expiries('d-ann')).map((e) => e._id)).toEqual(['expire:d-ann:2031-01'])
    expect((await expiries('d-cy')).map((e) => e._id)).toEqual(['expire:d-cy:2031-01'])
    expect((await expiries('d-bob')).map((e) => [e._id, e.delta])).toEqual([['expire:d-bob:2031-01', -50]])
    expect(await stored('d-ann')).toEqual(before)
    expect((await summary('d-bob')).balance).toBe(5)

    const again = await trigger()
    expect(again.steps.points?.changed).toBe(0)
    for (const openid of PEOPLE) expect(await expiries(openid)).toHaveLength(1)
    expect(await c.violations()).toEqual([])
  })
})

describe('the daily job and shoppers reaching the same due points at once', () => {
  const crowd = Array.from({ length: 20 }, (_, i) => `d-crowd-${i}`)

  it('expires each member once, whichever gets there first', async () => {
    await at('2032-03-10T10:00:00')
    for (const openid of crowd) await c.data('member', { action: 'login' }, openid) // 100, due 2033-03-31
    await at('2033-04-01T02:00:00')
    const [job, ...checkIns] = await Promise.all([
      trigger(),
      ...crowd.map((openid) => c.data<{ awarded: number; balance: number }>('checkin', { action: 'checkIn' }, openid)),
    ])
    expect(job.steps.points?.failed).toBe(0)
    expect(checkIns.every((a) => a.awarded === 5 && a.balance === 5)).toBe(true)
    const expired = await c.docs<LedgerEntry>('ledger', { kind: 'expire', _id: { $in: crowd.map((openid) => `expire:${openid}:2033-03`) } })
    expect(expired.map((e) => e.delta)).toEqual(crowd.map(() => -100))
    expect(await c.violations()).toEqual([])
  })
})
