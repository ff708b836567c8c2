import { describe, expect, it } from 'vitest'
import type { DrawAnswer } from '../../shared/lottery'
import { DEFAULT_RULES, type Rules } from '../../shared/rules'
import type { VoucherDoc } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** A member holding `points`, earned through a purchase staff issued (so ledger and lots agree). */
async function memberWith(openid: string, points: number): Promise<void> {
  await c.data('member', { action: 'login' }, openid)
  const { code } = await c.data<{ code: string }>(
    'store',
    { action: 'issuePurchase', orderId: `seed-${openid}`, amountFen: (points - 150) * 100 },
    'demo-staff',
  )
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

/** Saves lottery rules as the merchant would, then moves the clock past every instance's rules cache. */
async function useLottery(lottery: Rules['lottery']): Promise<void> {
  await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, lottery } }, 'demo-admin')
  await c.setClock(new Date(Date.now() + 10 * 60_000).toISOString())
}

describe('exchange.draw', () => {
  it('costs 100 points and answers a repeated requestId with the same answer, charging once', async () => {
    await memberWith('d-one', 500)
    const first = await c.data<DrawAnswer>('exchange', { action: 'draw', requestId: 'd-req-1' }, 'd-one')
    const again = await c.data<DrawAnswer>('exchange', { action: 'draw', requestId: 'd-req-1' }, 'd-one')
    expect(again).toEqual(first)
    expect(first.balance).toBe(400 + first.prize.points)
    expect(DEFAULT_RULES.lottery.prizes.map((p) => p.id)).toContain(first.prize.id)
    const entries = await c.docs('ledger', { openid: 'd-one', kind: 'draw' })
    expect(entries.filter((e) => e._id === 'draw:d-one:d-req-1')).toHaveLength(1)
  })

  it('answers the same for a burst of the same requestId', async () => {
    await memberWith('d-burst', 300)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => c.data<DrawAnswer>('exchange', { action: 'draw', requestId: 'd-req-b' }, 'd-burst')),
    )
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect((await c.docs('draws', { openid: 'd-burst' })).length).toBe(1)
  })

  it('refuses without enough points and changes nothing', async () => {
    await c.data('member', { action: 'login' }, 'd-poor')
    // draw until fewer than 100 points are left (a draw is worth 33 points on average, so this ends quickly)
    let balance = 100
    let draws = 0
    while (balance >= 100 && draws < 100)
      balance = (await c.data<DrawAnswer>('exchange', { action: 'draw', requestId: `d-req-p${++draws}` }, 'd-poor')).balance
    expect(await c.call('exchange', { action: 'draw', requestId: 'd-req-last' }, 'd-poor')).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    })
    expect(await c.docs('draws', { openid: 'd-poor' })).toHaveLength(draws)
    expect((await c.docs<{ balance: number }>('members', { _id: 'd-poor' }))[0]?.balance).toBe(balance)
  })

  it('never gives more item prizes than the item has in stock, even in a rush', async () => {
    await c.put('items', { _id: 'tea', name: '奶茶', kind: 'goods', points: 300, stock: 3, validDays: 30, active: true })
    await useLottery({
      cost: 100,
      prizes: [
        { id: 'none', name: '谢谢参与', weight: 1 },
        { id: 'tea', name: '奶茶', weight: 100_000, itemId: 'tea' },
      ],
    })
    const players = Array.from({ length: 8 }, (_, i) => `d-rush-${i}`)
    for (const p of players) await memberWith(p, 400)
    const answers = await Promise.all(
      players.flatMap((p) => [1, 2].map((n) => c.call<DrawAnswer>('exchange', { action: 'draw', requestId: `r${n}` }, p))),
    )
    const won = answers.filter((a) => a.ok && a.data.prize.id === 'tea')
    expect(won).toHaveLength(3)
    expect(answers.filter((a) => a.ok).length + answers.filter((a) => !a.ok && a.error.code === 'CONFLICT').length).toBe(16)
    expect((await c.docs<{ stock: number }>('items', { _id: 'tea' }))[0]?.stock).toBe(0)
    const vouchers = await c.docs<VoucherDoc>('vouchers', { itemId: 'prize_tea' })
    expect(vouchers).toHaveLength(3)
    expect(vouchers.every((v) => v.points === 0 && v.status === 'pending')).toBe(true)
  })

  it('refuses a bad requestId and a caller who is not a member, changing nothing', async () => {
    const before = JSON.stringify([await c.docs('draws'), await c.docs('members', { _id: 'd-one' })])
    for (const requestId of ['a:b', '', 'x'.repeat(65), 12, null, 1e20]) {
      expect(await c.call('exchange', { action: 'draw', requestId }, 'd-one')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await c.call('exchange', { action: 'draw' }, 'd-one')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('exchange', { action: 'draw', requestId: 'ok-1', extra: 1 }, 'd-one')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(JSON.stringify([await c.docs('draws'), await c.docs('members', { _id: 'd-one' })])).toBe(before)
    expect(await c.call('exchange', { action: 'draw', requestId: 'x' }, 'd-stranger')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})
