import { describe, expect, it } from 'vitest'
import { dayOf, previousDay } from '../../shared/calendar'
import type { DrawAnswer, LotteryView } from '../../shared/lottery'
import type { VoucherDoc } from '../../shared/member'
import { DEFAULT_RULES, type Rules } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()
let clock = Date.now()

async function memberWith(openid: string, points: number): Promise<void> {
  await c.data('member', { action: 'login' }, openid)
  const { code } = await c.data<{ code: string }>(
    'store',
    { action: 'issuePurchase', orderId: `seed-${openid}`, amountFen: (points - 150) * 100 },
    'demo-staff',
  )
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

/** Saves lottery rules, then moves the clock past every instance's rules cache. */
async function useLottery(lottery: Partial<Rules['lottery']>): Promise<string> {
  await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, lottery: { ...DEFAULT_RULES.lottery, ...lottery } } }, 'demo-admin')
  clock += 10 * 60_000
  await c.setClock(new Date(clock).toISOString())
  return dayOf(new Date(clock))
}
const draw = (openid: string, requestId: string) => c.call<DrawAnswer>('exchange', { action: 'draw', requestId }, openid)
const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

describe('the lottery’s window and draws a day', () => {
  it('shows every prize with its odds and the draws left, and refuses the draw over perDay', async () => {
    await memberWith('l-day', 1000)
    await useLottery({ perDay: 2 })
    const view = await c.data<LotteryView>('exchange', { action: 'lottery' }, 'l-day')
    expect(view).toEqual({
      cost: 100,
      open: true,
      drawsLeftToday: 2,
      prizes: [
        { id: 'none', name: '谢谢参与', odds: 0.6 },
        { id: 'points_50', name: '50 积分', odds: 0.3 },
        { id: 'points_200', name: '200 积分', odds: 0.09 },
        { id: 'coffee', name: '中杯咖啡', odds: 0.01 },
      ],
    })
    await c.data('exchange', { action: 'draw', requestId: 'l1' }, 'l-day')
    await c.data('exchange', { action: 'draw', requestId: 'l2' }, 'l-day')
    const balance = (await c.docs<{ balance: number }>('members', { _id: 'l-day' }))[0]!.balance
    expect(await draw('l-day', 'l3')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED', message: '每天最多抽奖 2 次，明天再来吧' } })
    expect((await c.docs<{ balance: number }>('members', { _id: 'l-day' }))[0]!.balance).toBe(balance)
    // a repeated request still answers as the first time
    expect(await draw('l-day', 'l2')).toMatchObject({ ok: true })
    expect((await c.data<LotteryView>('exchange', { action: 'lottery' }, 'l-day')).drawsLeftToday).toBe(0)
  })

  it('refuses a draw before the lottery opens and after it ends, charging nothing', async () => {
    await memberWith('l-window', 1000)
    const today = dayOf(new Date(clock))
    await useLottery({ from: nextDay(today), to: nextDay(nextDay(today)) })
    expect(await draw('l-window', 'w1')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect((await c.data<LotteryView>('exchange', { action: 'lottery' }, 'l-window')).open).toBe(false)
    const now = dayOf(new Date(clock))
    await useLottery({ from: previousDay(previousDay(now)), to: previousDay(now) })
    expect(await draw('l-window', 'w2')).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: '抽奖活动已经结束了' } })
    expect(await c.docs('draws', { openid: 'l-window' })).toEqual([])
  })

  it('gives a 积分翻倍卡 prize as a voucher worth points ×2 at the till', async () => {
    await memberWith('l-card', 1000)
    await c.put('items', {
      _id: 'double_card',
      name: '积分翻倍卡',
      kind: 'privilege',
      points: 1,
      stock: 10,
      validDays: 30,
      active: true,
      value: { type: 'pointsMultiplier', multiplier: 2 },
    })
    await useLottery({ prizes: [{ id: 'card', name: '积分翻倍卡', weight: 1, itemId: 'double_card' }] })
    const won = await c.data<DrawAnswer>('exchange', { action: 'draw', requestId: 'c1' }, 'l-card')
    const voucher = (await c.docs<VoucherDoc>('vouchers', { _id: won.prize.voucher!.code }))[0]!
    expect(voucher.value).toEqual({ type: 'pointsMultiplier', multiplier: 2 })
    const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: 'l-card-2', amountFen: 100_00 }, 'demo-staff')
    // 1000 lifetime points made the member 银卡: 100 yuan × 1.2 × 2
    expect(await c.data('store', { action: 'claimPurchase', code, voucherCode: voucher._id }, 'l-card')).toMatchObject({ awarded: 240 })
    await c.setClock(null)
  })
})
