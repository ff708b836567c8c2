import { describe, expect, it } from 'vitest'
import type { LedgerEntry, Member } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud({ maxInstances: 4 })

const login = (openid: string) => c.data('member', { action: 'login' }, openid)
const share = async (openid: string) => (await c.data<{ shareId: string }>('share', { action: 'create' }, openid)).shareId
const open = (openid: string, shareId: string) => c.data<{ rewarded: boolean; invited: boolean }>('share', { action: 'open', shareId }, openid)
const referrals = (openid: string) => c.docs<LedgerEntry>('ledger', { openid, kind: 'referral' })
const member = async (openid: string) => (await c.docs<Member>('members', { _id: openid }))[0]!

async function buy(openid: string, orderId: string, amountFen = 100_00) {
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen }, 'demo-staff')
  return c.call('store', { action: 'claimPurchase', code }, openid)
}

describe('referrals', () => {
  it('makes a new friend the sharer’s invitee; the friend’s first purchase rewards both once, and nothing before it', async () => {
    await login('r-inviter')
    const shareId = await share('r-inviter')
    await login('r-friend')
    expect(await open('r-friend', shareId)).toEqual({ rewarded: true, invited: true })
    expect((await member('r-friend')).invitedBy).toBe(shareId)
    // a friend who has not bought earns the inviter nothing
    expect(await referrals('r-inviter')).toEqual([])
    await buy('r-friend', 'r-1')
    expect((await referrals('r-friend')).map((e) => e.delta)).toEqual([50])
    expect((await referrals('r-inviter')).map((e) => e.delta)).toEqual([100])
    // the inviter's ledger names the friend by keyed hash only
    expect(JSON.stringify(await referrals('r-inviter'))).not.toContain('r-friend')
    await buy('r-friend', 'r-2')
    expect(await referrals('r-inviter')).toHaveLength(1)
  })

  it('never makes oneself an invitee, nor a member who invited the sharer (no loop)', async () => {
    await login('r-self')
    expect(await open('r-self', await share('r-self'))).toMatchObject({ invited: false })
    await login('r-a')
    await login('r-b')
    expect(await open('r-a', await share('r-b'))).toMatchObject({ invited: true })
    expect(await open('r-b', await share('r-a'))).toMatchObject({ invited: false })
    expect((await member('r-b')).invitedBy ?? null).toBeNull()
    await buy('r-b', 'r-loop')
    expect(await referrals('r-a')).toEqual([])
  })

  it('does not make an established member an invitee', async () => {
    await login('r-old')
    await c.setClock(new Date(Date.now() + 2 * 3_600_000).toISOString())
    await login('r-host')
    expect(await open('r-old', await share('r-host'))).toMatchObject({ invited: false })
    await c.setClock(null)
  })

  it('rewards once when one invitee claims 20 first purchases at once', async () => {
    await login('r-host2')
    const shareId = await share('r-host2')
    await login('r-rush')
    await open('r-rush', shareId)
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: `r-rush-${i}`, amountFen: 10_00 }, 'demo-staff'),
      ),
    )
    const answers = await Promise.all(codes.map(({ code }) => c.call('store', { action: 'claimPurchase', code }, 'r-rush')))
    // a claim that lost every retry to the rush answers CONFLICT, which is safe to try again
    const claimed = answers.filter((a) => a.ok).length
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true)
    expect(claimed).toBeGreaterThan(10)
    expect((await referrals('r-host2')).map((e) => e.delta)).toEqual([100])
    expect((await referrals('r-rush')).map((e) => e.delta)).toEqual([50])
    expect((await member('r-rush')).balance).toBe(100 + claimed * 10 + 50 + 50)
  })

  it('takes both rewards back when the invitee’s first purchase is refunded in full, and not on a partial refund', async () => {
    await login('r-host3')
    const shareId = await share('r-host3')
    await login('r-back')
    await open('r-back', shareId)
    await buy('r-back', 'r-back-1')
    const refund = (refundId: string, amountFen: number) =>
      c.data('store', { action: 'refund', orderId: 'r-back-1', refundId, amountFen }, 'demo-staff')
    await refund('part', 40_00)
    expect((await member('r-host3')).balance).toBe(100 + 5 + 100)
    await refund('rest', 60_00)
    const backs = async (openid: string) =>
      (await c.docs<LedgerEntry>('ledger', { openid, kind: 'clawback' })).filter((e) => e.reason.includes('奖励'))
    expect((await backs('r-host3')).map((e) => [e.delta, e.reason])).toEqual([[-100, '邀请的好友首次消费已全额退款，收回邀请奖励 100 积分']])
    expect((await backs('r-back')).map((e) => [e.delta, e.reason])).toEqual([[-50, '订单 r-back-1 全额退款，收回受邀首次消费奖励 50 积分']])
    expect((await member('r-host3')).balance).toBe(100 + 5)
    // sign-up only: the order's points, its first-purchase bonus and the referral reward are all back
    expect((await member('r-back')).balance).toBe(100)
    // the next purchase is no first purchase: no referral again
    await buy('r-back', 'r-back-2')
    expect(await referrals('r-host3')).toHaveLength(1)
  })
})
