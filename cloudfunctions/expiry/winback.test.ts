import { describe, expect, it } from 'vitest'
import type { Member, VoucherDoc } from '../../shared/member'
import { DEFAULT_RULES } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** Merchant time (+08:00) as the functions see it. */
const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())
const trigger = () => c.trigger('expiry')
const winbacks = async (openid: string) => (await c.docs<VoucherDoc>('vouchers', { openid })).filter((v) => v.itemId === 'coupon_10')
const told = async (touser: string) =>
  ((await c.stats()).outbox as Array<{ fromFunction: string; data: { touser: string; data: Record<string, { value: string }> } }>).filter(
    (m) => m.fromFunction === 'expiry' && m.data.touser === touser,
  )

async function buy(openid: string, orderId: string): Promise<void> {
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: 50_00 }, 'demo-staff')
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

describe('win-back', () => {
  it('gives a member quiet for afterDays one voucher per quiet spell, tells only who consented, and leaves staff out', async () => {
    await at('2032-01-05T10:00:00')
    await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, winback: { afterDays: 30, itemId: 'coupon_10' } } }, 'demo-admin')
    for (const openid of ['w-quiet', 'w-silent', 'w-recent', 'demo-staff']) await c.data('member', { action: 'login' }, openid)
    await c.data('member', { action: 'subscribe', kinds: ['benefit'] }, 'w-quiet')
    await buy('w-quiet', 'w-1')
    await at('2032-01-25T10:00:00')
    await buy('w-recent', 'w-2')

    // 31 days after w-quiet's purchase, 11 after w-recent's; run twice
    await at('2032-02-05T03:00:00')
    await trigger()
    await trigger()
    expect(await winbacks('w-quiet')).toHaveLength(1)
    expect(await winbacks('w-silent')).toHaveLength(1)
    expect(await winbacks('w-recent')).toHaveLength(0)
    expect(await winbacks('demo-staff')).toHaveLength(0)
    expect((await winbacks('w-quiet'))[0]).toMatchObject({ name: '10元优惠券', status: 'pending', points: 0 })
    expect((await told('w-quiet')).map((m) => m.data.data.thing1?.value)).toEqual(['好久不见，送你一张「10元优惠券」'])
    expect(await told('w-silent')).toEqual([])

    // still quiet a month later: the same spell, nothing more
    await at('2032-03-10T03:00:00')
    await trigger()
    expect(await winbacks('w-quiet')).toHaveLength(1)
    expect(await winbacks('w-recent')).toHaveLength(1)

    // a purchase ends the spell; quiet again for 30 days, a second voucher
    await at('2032-03-12T10:00:00')
    await buy('w-quiet', 'w-3')
    await at('2032-04-12T03:00:00')
    await trigger()
    await trigger()
    expect(await winbacks('w-quiet')).toHaveLength(2)
    expect(await winbacks('w-silent')).toHaveLength(1)
    expect(await c.docs('grants', { kind: 'winback', openid: 'w-quiet' })).toHaveLength(2)
    await c.setClock(null)
  })

  it('reaches members from before quiet spells were kept, counting from their last purchase or else from joining', async () => {
    await at('2033-01-05T10:00:00')
    for (const openid of ['w-old', 'w-old-buyer']) await c.data('member', { action: 'login' }, openid)
    await at('2033-01-20T10:00:00')
    await buy('w-old-buyer', 'w-4')
    for (const openid of ['w-old', 'w-old-buyer']) {
      const { quietSince: _kept, ...before } = (await c.docs<Member>('members', { _id: openid }))[0]!
      await c.put('members', before)
    }
    // 32 days after joining, 17 after the purchase
    await at('2033-02-06T03:00:00')
    await trigger()
    expect(await winbacks('w-old')).toHaveLength(1)
    expect(await winbacks('w-old-buyer')).toHaveLength(0)
    // the clock runs on from where the test set it
    const since = (await c.docs<Member>('members', { _id: 'w-old-buyer' }))[0]!.quietSince!.getTime() - Date.parse('2033-01-20T10:00:00+08:00')
    expect(since).toBeGreaterThanOrEqual(0)
    expect(since).toBeLessThan(60_000)
    await c.setClock(null)
  })
})
