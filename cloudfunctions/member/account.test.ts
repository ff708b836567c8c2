import { describe, expect, it } from 'vitest'
import type { Envelope, Summary } from '../../shared/api'
import { COLLECTIONS } from '../../shared/collections'
import type { LedgerEntry, VoucherDoc } from '../../shared/member'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** A member holding `points`: sign-up 100, first purchase 50 and a purchase staff issued (so ledger and lots agree). */
async function memberWith(openid: string, points: number): Promise<void> {
  await c.data('member', { action: 'login' }, openid)
  await claim(openid, points - 150)
}

async function claim(openid: string, yuan: number): Promise<{ awarded: number }> {
  const { code } = await c.data<{ code: string }>(
    'store',
    { action: 'issuePurchase', orderId: `order-${Math.random()}`, amountFen: yuan * 100 },
    'demo-staff',
  )
  return c.data('store', { action: 'claimPurchase', code }, openid)
}

const sum = (entries: LedgerEntry[]) => entries.reduce((s, e) => s + e.delta, 0)
const anonOf = (entries: LedgerEntry[]) => [...new Set(entries.map((e) => e.openid))]

describe('member.deleteAccount racing spends and earns', () => {
  it('moves every change committed before the deletion and refuses every later one; a new life starts clean', async () => {
    const who = 'race-shopper-1'
    await memberWith(who, 5_000)
    await c.call('checkin', { action: 'calendar', month: '2030-01' }, who)
    const redeem = (i: number) => c.call('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: `race-${i}` }, who)
    // four lanes of five redemptions each; the deletion starts once one more redemption went through
    const lane = async (from: number) => {
      const out: Envelope<unknown>[] = []
      for (let i = from; i < from + 5; i++) out.push(await redeem(i))
      return out
    }
    const [lanes, [first, deleted], others] = await Promise.all([
      Promise.all([0, 5, 10, 15].map(lane)),
      redeem(20).then(async (a) => [a, await c.call('member', { action: 'deleteAccount' }, who)] as const),
      Promise.all([
        ...[1, 2, 3].map((i) => c.call('exchange', { action: 'draw', requestId: `race-draw-${i}` }, who)),
        c.call('checkin', { action: 'checkIn' }, who),
        c.call('share', { action: 'create' }, who),
      ]),
    ])
    expect(first.ok).toBe(true)
    expect(deleted).toEqual({ ok: true, data: { deleted: true } })
    const redeems = [first, ...lanes.flat()]
    const refused = [...redeems, ...others].filter((a) => !a.ok)
    // the race really happened: some redemptions went through before the deletion, some were refused after it
    expect(redeems.filter((a) => a.ok).length).toBeGreaterThan(1)
    expect(refused.length).toBeGreaterThan(0)
    // the first deletion in this file: the only anonymous id so far
    const oldIds = anonOf((await c.docs<LedgerEntry>('ledger')).filter((e) => e.openid.startsWith('anon-')))
    expect(oldIds).toHaveLength(1)
    const oldLife = await c.docs<LedgerEntry>('ledger', { openid: oldIds[0] })
    expect(oldLife.filter((e) => e.kind === 'redeem')).toHaveLength(redeems.filter((a) => a.ok).length)
    expect(await c.docs('vouchers', { openid: oldIds[0], itemId: 'free_delivery' })).toHaveLength(redeems.filter((a) => a.ok).length)
    expect(new Set(oldLife.map((e) => e.seq)).size).toBe(oldLife.length)
    const back = await c.data<Summary>('member', { action: 'login' }, who)
    const mine = await c.docs<LedgerEntry>('ledger', { openid: who })
    expect(back.balance).toBe(sum(mine))
    expect(back.balance).toBe(0)
    expect(mine).toEqual([])
    expect(await c.docs<VoucherDoc>('vouchers', { openid: who })).toEqual([])
    expect(await c.docs('shares', { openid: who })).toEqual([])
    expect(await c.docs('draws', { openid: who })).toEqual([])
    // refused after the mark, or once the member is gone, with a sentence the shopper understands (or told to retry in a rush)
    const afterMark = { code: 'UNAUTHENTICATED', message: '账号已注销，积分和券不能再使用；重新登录即成为新会员' }
    const gone = { code: 'UNAUTHENTICATED', message: '请先登录成为会员' }
    const busy = { code: 'CONFLICT', message: '当前人数较多，请稍后再试' }
    for (const a of refused) expect([afterMark, gone, busy]).toContainEqual(!a.ok && a.error)
    expect(refused.some((a) => !a.ok && a.error.code === 'UNAUTHENTICATED')).toBe(true)
    // some thirty calls, several functions starting cold: more than the default time on a busy machine
  }, 90_000)
})

describe('member.deleteAccount twice', () => {
  it('deletes once when ten deletions arrive at once: one answer `deleted`, the others ALREADY_DONE, each entry kept once', async () => {
    const who = 'twice-shopper-1'
    await memberWith(who, 1_000)
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'twice' }, who)
    const entries = await c.docs<LedgerEntry>('ledger', { openid: who })
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.call('member', { action: 'deleteAccount' }, who)))
    expect(answers.filter((a) => a.ok)).toEqual([{ ok: true, data: { deleted: true } }])
    expect(answers.filter((a) => !a.ok)).toEqual(
      Array.from({ length: 9 }, () => ({ ok: false, error: { code: 'ALREADY_DONE', message: '账号已经注销了' } })),
    )
    const kept = (await c.docs<LedgerEntry>('ledger')).filter(
      (e) => e.openid.startsWith('anon-') && entries.some((x) => x.seq === e.seq && x.reason === e.reason && x.at.getTime() === e.at.getTime()),
    )
    expect(anonOf(kept)).toHaveLength(1)
    expect(kept.map((e) => e.seq).sort((a, b) => a - b)).toEqual(entries.map((e) => e.seq).sort((a, b) => a - b))
    expect(sum(kept)).toBe(sum(entries))
    expect(await c.call('member', { action: 'deleteAccount' }, who)).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
  })
})

describe('a deletion cut short', () => {
  it('is finished by the next login before the new member is created', async () => {
    const who = 'cut-shopper-1'
    await memberWith(who, 500)
    const entries = await c.docs<LedgerEntry>('ledger', { openid: who })
    // as a deletion stopped right after its mark would leave it
    const [member] = await c.docs<{ _id: string }>('members', { _id: who })
    await c.put('members', { ...member!, deleting: { anon: 'anon-cutshort', since: new Date() } })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'cut' }, who)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect((await c.data<Summary>('member', { action: 'login' }, who)).balance).toBe(0)
    expect(sum(await c.docs<LedgerEntry>('ledger', { openid: 'anon-cutshort' }))).toBe(sum(entries))
    expect(await c.docs('ledger', { openid: who })).toEqual([])
  })
})

describe('deleting and joining again', () => {
  it('earns no once-only reward twice, keeps item limits and the birthday, and accepts only the same birthday', async () => {
    const who = 'back-shopper-1'
    const item = { id: 'limited_cup', name: '限量杯', kind: 'goods', points: 10, stock: 10, validDays: 30, perMemberLimit: 1 }
    await c.data('store', { action: 'saveItem', item }, 'demo-admin')
    await c.data('member', { action: 'login' }, who)
    expect(await c.data('member', { action: 'updateProfile', birthday: '1990-05-06', address: '上海' }, who)).toMatchObject({ awarded: 80 })
    await c.data('checkin', { action: 'checkIn' }, who)
    await claim(who, 100)
    await c.data('exchange', { action: 'redeem', itemId: 'limited_cup', requestId: 'life-1' }, who)
    await c.data('member', { action: 'deleteAccount' }, who)

    expect((await c.data<Summary>('member', { action: 'login' }, who)).balance).toBe(0)
    expect(await c.data('member', { action: 'updateProfile', address: '北京' }, who)).toEqual({ awarded: 0, balance: 0 })
    expect(await c.call('member', { action: 'updateProfile', birthday: '1991-01-01' }, who)).toEqual({
      ok: false,
      error: { code: 'ALREADY_DONE', message: '生日设置后不能修改' },
    })
    expect(await c.data('member', { action: 'updateProfile', birthday: '1990-05-06' }, who)).toEqual({ awarded: 0, balance: 0 })
    expect(await c.call('checkin', { action: 'checkIn' }, who)).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    expect((await claim(who, 100)).awarded).toBe(100)
    expect((await c.docs<LedgerEntry>('ledger', { openid: who })).map((e) => e.kind)).toEqual(['purchase'])
    expect(await c.call('exchange', { action: 'redeem', itemId: 'limited_cup', requestId: 'life-2' }, who)).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    })
    expect((await c.data<Summary>('member', { action: 'summary' }, who)).profile).toMatchObject({ birthday: '1990-05-06', address: '北京' })
  })
})

describe('after deletion', () => {
  it('no document in any collection holds the OPENID, in a field or an id', async () => {
    const who = 'gone-shopper-1'
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7)
    await memberWith(who, 1_000)
    await c.data('member', { action: 'updateProfile', birthday: `1990-${month}-01`, address: '广州' }, who)
    await c.data('member', { action: 'subscribe', kinds: ['expiry', 'benefit'] }, who)
    await c.data('checkin', { action: 'checkIn' }, who)
    const { voucher } = await c.data<{ voucher: { code: string } }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'gone' }, who)
    await c.data('exchange', { action: 'draw', requestId: 'gone-draw' }, who)
    // at the till: a 会员码 checked out and partly refunded, a voucher fulfilled (each in the audit trail), a fresh 会员码 left live
    const { code: used } = await c.data<{ code: string }>('member', { action: 'memberCode' }, who)
    await c.data('store', { action: 'checkout', orderId: 'gone-till', amountFen: 50_00, memberCode: used }, 'demo-staff')
    await c.data('store', { action: 'refund', orderId: 'gone-till', refundId: 'gone-r1', amountFen: 10_00 }, 'demo-staff')
    await c.data('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')
    await c.data('member', { action: 'memberCode', allowPoints: true }, who)
    expect(await c.docs('audit', { member: who })).toHaveLength(3)
    // as sharer and as friend
    await c.data('member', { action: 'login' }, 'gone-friend-1')
    const mine = await c.data<{ shareId: string }>('share', { action: 'create' }, who)
    expect(await c.data('share', { action: 'open', shareId: mine.shareId }, 'gone-friend-1')).toMatchObject({ rewarded: true })
    const theirs = await c.data<{ shareId: string }>('share', { action: 'create' }, 'gone-friend-1')
    expect(await c.data('share', { action: 'open', shareId: theirs.shareId }, who)).toMatchObject({ rewarded: true })
    // the daily job: this month's birthday gift
    await c.trigger('expiry')
    expect(await c.docs('grants', { openid: who, kind: 'birthday' })).toHaveLength(1)
    const everything = async () => (await Promise.all(Object.keys(COLLECTIONS).map((name) => c.docs(name)))).flat().map((d) => JSON.stringify(d))
    expect((await everything()).filter((d) => d.includes(who)).length).toBeGreaterThan(5)

    await c.data('member', { action: 'deleteAccount' }, who)
    expect((await everything()).filter((d) => d.includes(who))).toEqual([])
  })
})
