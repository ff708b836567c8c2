import { describe, expect, it } from 'vitest'
import { lotsTotal } from './lots'
import {
  checkIn,
  claimPurchase,
  completeProfile,
  expirePoints,
  memberAsOf,
  redeem,
  refundVoucher,
  signUp,
  summaryOf,
  type Item,
  type Member,
  type Outcome,
  type PurchaseDoc,
} from './member'
import { DEFAULT_RULES as rules } from './rules'

const now = new Date('2026-11-22T04:00:00Z')

function purchase(amountFen: number, extra: Partial<PurchaseDoc> = {}): PurchaseDoc {
  return {
    _id: `code${amountFen}`,
    orderId: `order-${amountFen}`,
    amountFen,
    multiplier: 1,
    issuedBy: 'staff',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 600_000),
    claimedBy: null,
    claimedAt: null,
    ...extra,
  }
}

/** Balance equals the lots and the entries' deltas since `start`. */
function expectConsistent(start: Member, outcomes: Outcome<unknown>[]): void {
  const last = outcomes.at(-1)!.member
  const deltas = outcomes.flatMap((o) => o.entries).reduce((s, e) => s + e.delta, 0)
  expect(last.balance).toBe(start.balance + deltas)
  expect(lotsTotal(last.lots)).toBe(last.balance)
  expect(last.balance).toBeGreaterThanOrEqual(0)
}

const joined = () => signUp('u1', rules, now).member

describe('member operations', () => {
  it('pays 100 on sign-up, with a ledger entry and a lot expiring in 12 months', () => {
    const o = signUp('u1', rules, now)
    expect(o.member.balance).toBe(100)
    expect(o.member.lots).toEqual([{ expires: '2027-11', points: 100 }])
    expect(o.member.nextExpiryAt?.toISOString()).toBe('2027-11-30T15:59:59.999Z')
    expect(o.entries).toEqual([expect.objectContaining({ _id: 'signup:u1', delta: 100, balanceAfter: 100, kind: 'signup' })])
  })

  it('pays +80 for birthday and address, each once in a lifetime', () => {
    const first = completeProfile(joined(), { birthday: '1990-05-06', address: '上海市徐汇区' }, rules, now)
    expect(first.answer).toEqual({ awarded: 80, balance: 180 })
    expect(first.member.birthdayMonth).toBe(5)
    const again = completeProfile(first.member, { birthday: '1990-05-06', address: '北京市' }, rules, now)
    expect(again.answer).toEqual({ awarded: 0, balance: 180 })
    expect(again.member.address).toBe('北京市')
    expect(() => completeProfile(again.member, { birthday: '1991-01-01' }, rules, now)).toThrow(expect.objectContaining({ code: 'ALREADY_DONE' }))
    expect(() => completeProfile(joined(), { birthday: '2030-01-01' }, rules, now)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  it('earns 200 + 50 on a first purchase of 200 yuan, and only 200 on the second', () => {
    const first = claimPurchase(joined(), purchase(200_00), false, rules, now)
    expect(first.answer).toMatchObject({ awarded: 250, deductedPoints: 0, payFen: 200_00, balance: 350 })
    const second = claimPurchase(first.member, purchase(200_00, { _id: 'other' }), false, rules, now)
    expect(second.answer.awarded).toBe(200)
  })

  it('reaches silver at 1500 yuan with its 100 bonus', () => {
    const o = claimPurchase(joined(), purchase(1500_00), false, rules, now)
    expect(o.member.tier).toBe('silver')
    expect(o.answer.tier).toEqual({ id: 'silver', name: '银卡', rate: 1.2 })
    expect(o.answer.awarded).toBe(1500 + 50 + 100)
    expect(o.entries.map((e) => e._id)).toContain('tier:u1:silver')
  })

  it('crossing silver and gold at once at 5500 yuan pays both bonuses, at the rate held before', () => {
    const o = claimPurchase(joined(), purchase(5500_00), false, rules, now)
    expect(o.member.tier).toBe('gold')
    expect(o.answer.awarded).toBe(5500 + 50 + 100 + 500)
    const next = claimPurchase(o.member, purchase(100_00, { _id: 'n' }), false, rules, now)
    expect(next.answer.awarded).toBe(150)
    expectConsistent(joined(), [o, next])
  })

  it('never drops a tier and pays a bonus only once', () => {
    const gold = claimPurchase(joined(), purchase(5500_00), false, rules, now).member
    const o = claimPurchase({ ...gold, totalSpentFen: 0 }, purchase(10_00, { _id: 'x' }), false, rules, now)
    expect(o.member.tier).toBe('gold')
    expect(o.entries.filter((e) => e.kind === 'tier')).toEqual([])
  })

  it('keeps a member whose tier the rules dropped at the tier they reach, paying no bonus twice', () => {
    const silver = claimPurchase(joined(), purchase(1500_00), false, rules, now).member
    const withoutSilver = { ...rules, tiers: rules.tiers.filter((t) => t.id !== 'silver') }
    const day = checkIn(silver, withoutSilver, now)
    expect(day.entries.map((e) => e.kind)).toEqual(['checkin'])
    expect(day.member.tier).toBe('normal')
    const gold = claimPurchase(day.member, purchase(3500_00, { _id: 'g' }), false, withoutSilver, now)
    expect(gold.entries.filter((e) => e.kind === 'tier').map((e) => e._id)).toEqual(['tier:u1:gold'])
  })

  it('doubles gold points in the birthday month', () => {
    const gold = { ...claimPurchase(joined(), purchase(5500_00), false, rules, now).member, birthdayMonth: 11 }
    expect(claimPurchase(gold, purchase(100_00, { _id: 'b' }), false, rules, now).answer.awarded).toBe(300)
    expect(claimPurchase({ ...gold, birthdayMonth: 12 }, purchase(100_00, { _id: 'b' }), false, rules, now).answer.awarded).toBe(150)
  })

  it('uses points as cash up to 10% and earns on what is paid in cash', () => {
    const rich = { ...joined() }
    const o = claimPurchase(rich, purchase(500_00), true, rules, now)
    // 100 points pay 1 yuan; then 499 yuan earn 499 + 50 first purchase
    expect(o.answer).toMatchObject({ deductedPoints: 100, payFen: 499_00, awarded: 549, balance: 549 })
    expect(o.entries[0]).toMatchObject({ _id: 'purchase:code50000:cash', delta: -100, balanceAfter: 0 })
    expectConsistent(rich, [o])
  })

  it('refuses a claimed or expired purchase code', () => {
    expect(() => claimPurchase(joined(), purchase(1_00, { claimedBy: 'x' }), false, rules, now)).toThrow(
      expect.objectContaining({ code: 'ALREADY_DONE' }),
    )
    expect(() => claimPurchase(joined(), purchase(1_00, { expiresAt: new Date(now.getTime() - 1) }), false, rules, now)).toThrow(
      expect.objectContaining({ code: 'EXPIRED' }),
    )
  })

  it('pays 5 a day and 20 more on the 7th consecutive day, once a day', () => {
    let m = joined()
    const outcomes: Outcome<{ streak: number; bonus: number }>[] = []
    for (let d = 0; d < 8; d++) {
      const o = checkIn(m, rules, new Date(now.getTime() + d * 86_400_000))
      outcomes.push(o)
      m = o.member
    }
    expect(outcomes.map((o) => o.answer.streak)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(outcomes.map((o) => o.answer.bonus)).toEqual([0, 0, 0, 0, 0, 0, 20, 0])
    expect(m.balance).toBe(100 + 8 * 5 + 20)
    expect(() => checkIn(m, rules, new Date(now.getTime() + 7 * 86_400_000))).toThrow(expect.objectContaining({ code: 'ALREADY_DONE' }))
    expectConsistent(joined(), outcomes)
  })

  it('counts a check-in at 23:59 and one at 00:01 Shanghai time as two days', () => {
    const late = checkIn(joined(), rules, new Date('2026-11-22T15:59:00Z'))
    const early = checkIn(late.member, rules, new Date('2026-11-22T16:01:00Z'))
    expect([late.answer.day, early.answer.day]).toEqual(['2026-11-22', '2026-11-23'])
    expect(early.answer.streak).toBe(2)
  })

  it('redeems against stock, limit and balance, spending the oldest lot first', () => {
    const item: Item = { _id: 'coffee', name: '中杯咖啡', kind: 'goods', points: 120, stock: 1, validDays: 30, perMemberLimit: 1, active: true }
    const m = {
      ...joined(),
      balance: 150,
      lots: [
        { expires: '2027-01', points: 100 },
        { expires: '2027-11', points: 50 },
      ],
    }
    const o = redeem(m, item, 'r1', 'CODE', rules, now)
    expect(o.member.lots).toEqual([{ expires: '2027-11', points: 30 }])
    expect(o.answer.item.stock).toBe(0)
    expect(o.answer.voucher).toMatchObject({ _id: 'CODE', status: 'pending', points: 120 })
    expect(o.answer.voucher.expiresAt.getTime() - now.getTime()).toBe(30 * 86_400_000)
    expect(() => redeem(o.member, { ...item, stock: 5 }, 'r2', 'C2', rules, now)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }))
    expect(() => redeem(m, { ...item, stock: 0 }, 'r2', 'C2', rules, now)).toThrow(expect.objectContaining({ code: 'OUT_OF_STOCK' }))
    expect(() => redeem(m, { ...item, points: 151 }, 'r2', 'C2', rules, now)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_POINTS' }))
    const back = refundVoucher(o.member, o.answer.voucher, '已被拒绝', rules, now)
    expect(back.answer.balance).toBe(150)
    expect(back.member.lifetimePoints).toBe(o.member.lifetimePoints)
    expect(back.member.redeemed.coffee).toBe(0)
  })

  it('counts an item named like an object member (toString, __proto__) toward its own limit', () => {
    for (const id of ['toString', '__proto__']) {
      const item: Item = { _id: id, name: '限兑一次', kind: 'coupon', points: 10, stock: 5, validDays: 7, perMemberLimit: 1, active: true }
      const once = redeem(joined(), item, 'r1', 'code-1', rules, now)
      expect(Object.hasOwn(once.member.redeemed, id)).toBe(true)
      expect(() => redeem(once.member, item, 'r2', 'code-2', rules, now)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }))
      const back = refundVoucher(once.member, once.answer.voucher, '被退回', rules, now)
      expect(Object.getPrototypeOf(back.member.redeemed)).toBe(Object.prototype)
      expect(redeem(back.member, item, 'r3', 'code-3', rules, now).member.redeemed[id]).toBe(1)
    }
  })

  it('expires lots at the end of their month', () => {
    const m = {
      ...joined(),
      balance: 150,
      lots: [
        { expires: '2026-10', points: 100 },
        { expires: '2027-11', points: 50 },
      ],
    }
    const o = expirePoints(m, rules, now)
    expect(o.answer.expired).toBe(100)
    expect(o.member.balance).toBe(50)
    expect(o.entries).toEqual([expect.objectContaining({ _id: 'expire:u1:2026-10', delta: -100 })])
  })

  it('summarises tier progress, streak and recommendations', () => {
    const items: Item[] = [
      { _id: 'free_delivery', name: '免费配送券', kind: 'coupon', points: 200, stock: 10, validDays: 30, active: true },
      { _id: 'tiny', name: '贴纸', kind: 'goods', points: 50, stock: 10, validDays: 30, active: true },
    ]
    const s = summaryOf(checkIn(joined(), rules, now).member, rules, now, items, 'member')
    expect(s).toMatchObject({
      balance: 105,
      tier: { id: 'normal' },
      nextTier: { id: 'silver', needSpentFen: 1000_00, needPoints: 895 },
      streak: { count: 1, checkedInToday: true },
    })
    expect(s.expiring).toEqual([{ points: 105, expiresAt: '2027-11-30T15:59:59.999Z' }])
    expect(s.recommendations.map((r) => r.itemId)).toEqual(['tiny', 'free_delivery'])
  })
})

describe('points past their expiry instant, before the daily job', () => {
  // earned in November 2026, due 2027-11-30 23:59:59.999 +08:00; 20 more earned in October 2027, due 2028-10
  const stored = (): Member => ({
    ...joined(),
    balance: 120,
    lifetimePoints: 120,
    seq: 2,
    lots: [
      { expires: '2027-11', points: 100 },
      { expires: '2028-10', points: 20 },
    ],
  })
  const item: Item = { _id: 'sticker', name: '贴纸', kind: 'goods', points: 20, stock: 5, validDays: 30, active: true }
  const afterDue = new Date('2027-11-30T16:00:00Z') // 00:00 on 1 December, merchant time

  it('spends only the fresh lot, after an expiry entry the job would have written', () => {
    const o = redeem(stored(), item, 'r1', 'CODE', rules, afterDue)
    expect(o.entries.map((e) => [e._id, e.kind, e.delta, e.balanceAfter, e.seq])).toEqual([
      ['expire:u1:2027-11', 'expire', -100, 20, 3],
      ['redeem:u1:r1', 'redeem', -20, 0, 4],
    ])
    expect(o.entries[0]).toEqual(expirePoints(stored(), rules, afterDue).entries[0])
    expect(o.member).toMatchObject({ balance: 0, lots: [], nextExpiryAt: null })
    expectConsistent(stored(), [o])
  })

  it('refuses to spend the due points from their expiry instant on, and answers with the balance that is left', () => {
    const instant = new Date('2027-11-30T15:59:59.999Z')
    expect(() => redeem(stored(), { ...item, points: 21 }, 'r1', 'CODE', rules, instant)).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_POINTS', message: expect.stringContaining('当前 20') }),
    )
    // a millisecond earlier the same points are still there
    expect(redeem(stored(), { ...item, points: 120 }, 'r1', 'CODE', rules, new Date(instant.getTime() - 1)).answer.balance).toBe(0)
  })

  it('credits a check-in on top of what is left, and expires nothing twice', () => {
    const o = checkIn(stored(), rules, afterDue)
    expect(o.entries.map((e) => [e.kind, e.delta, e.balanceAfter])).toEqual([
      ['expire', -100, 20],
      ['checkin', 5, 25],
    ])
    expect(o.answer).toMatchObject({ awarded: 5, balance: 25 })
    const again = expirePoints(o.member, rules, afterDue)
    expect(again.entries).toEqual([])
    expect(again.member.balance).toBe(25)
  })

  it('pays a purchase with only the fresh points as cash', () => {
    const o = claimPurchase(
      stored(),
      purchase(100_00, { createdAt: afterDue, expiresAt: new Date(afterDue.getTime() + 600_000) }),
      true,
      rules,
      afterDue,
    )
    expect(o.answer).toMatchObject({ deductedPoints: 20, payFen: 100_00 - 20 })
    expect(o.entries.slice(0, 2).map((e) => [e.kind, e.delta])).toEqual([
      ['expire', -100],
      ['cash', -20],
    ])
    expectConsistent(stored(), [o])
  })

  it('shows the balance without them in the summary, without changing the stored member', () => {
    const m = stored()
    const s = summaryOf(m, rules, afterDue, [item], 'member')
    expect(s.balance).toBe(20)
    expect(s.expiring).toEqual([{ points: 20, expiresAt: '2028-10-31T15:59:59.999Z' }])
    expect(s.recommendations).toEqual([{ itemId: 'sticker', text: '积分够兑换「贴纸」啦' }])
    expect(memberAsOf(m, rules, afterDue).balance).toBe(20)
    expect(m.balance).toBe(120)
    expect(m.lots).toHaveLength(2)
  })
})
