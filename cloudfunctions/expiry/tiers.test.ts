import { describe, expect, it } from 'vitest'
import type { Summary } from '../../shared/api'
import { DEFAULT_RULES } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** Merchant time (+08:00) as the functions see it. */
const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())
const trigger = () => c.trigger('expiry')
const summary = (openid: string) => c.data<Summary>('member', { action: 'summary' }, openid)
const told = async (touser: string) =>
  ((await c.stats()).outbox as Array<{ fromFunction: string; data: { touser: string; data: Record<string, { value: string }> } }>).filter(
    (m) => m.fromFunction === 'expiry' && m.data.touser === touser,
  )

async function buy(openid: string, orderId: string, yuan: number): Promise<void> {
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: yuan * 100 }, 'demo-admin')
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

describe('rolling tiers', () => {
  it('judges tiers monthly on the last three months, one tier down at a time, with a notice a week before', async () => {
    await at('2031-01-05T10:00:00')
    await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, tierPolicy: { mode: 'rolling', months: 3 } } }, 'demo-admin')
    // past every instance's rules cache
    await at('2031-01-10T10:00:00')
    for (const openid of ['t-lapse', 't-silent', 't-keep']) {
      await c.data('member', { action: 'login' }, openid)
      await buy(openid, `t-${openid}-1`, 5000)
    }
    expect((await summary('t-lapse')).tier.id).toBe('gold')
    await at('2031-03-15T10:00:00')
    await buy('t-keep', 't-keep-2', 5000)

    // February, March and April keep January in the window: nothing changes, nobody is told
    await at('2031-04-01T03:00:00')
    await trigger()
    expect((await summary('t-lapse')).tier.id).toBe('gold')
    // one consent, after April's monthly vouchers
    await c.data('member', { action: 'subscribe', kinds: ['benefit'] }, 't-lapse')

    // a week before May's judgement, whose window (February to April) no longer holds January
    await at('2031-04-25T03:00:00')
    await trigger()
    await trigger()
    expect((await told('t-lapse')).map((m) => m.data.data.thing1?.value)).toEqual(['会员等级将调整为银卡'])
    expect(await told('t-silent')).toEqual([])
    expect((await summary('t-silent')).tierNotice).toMatchObject({ to: { id: 'silver' }, on: '2031-05-01' })
    expect((await summary('t-keep')).tierNotice).toBeNull()

    await at('2031-05-01T02:00:00')
    await trigger()
    await trigger()
    expect((await summary('t-lapse')).tier.id).toBe('silver')
    expect((await summary('t-silent')).tier.id).toBe('silver')
    expect((await summary('t-keep')).tier.id).toBe('gold')
    expect(await c.docs('grants', { _id: 'tiers:t-lapse:2031-05' })).toHaveLength(1)

    // one more quiet month: one more tier down, never two at once
    await at('2031-06-01T02:00:00')
    await trigger()
    expect((await summary('t-lapse')).tier.id).toBe('normal')
    expect((await summary('t-keep')).tier.id).toBe('gold')
    await c.setClock(null)
  })
})
