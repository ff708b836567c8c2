import { describe, expect, it } from 'vitest'
import { lotsTotal } from './lots'
import { checkIn, claimPurchase, redeem, signUp, type Item, type LedgerEntry, type Member, type PurchaseDoc } from './member'
import { refundPurchase } from './refund'
import { DEFAULT_RULES as rules } from './rules'

const now = new Date('2026-11-22T04:00:00Z')
const later = (days: number) => new Date(now.getTime() + days * 86_400_000)

function code(orderId: string, amountFen: number): PurchaseDoc {
  return {
    _id: `code-${orderId}`,
    orderId,
    amountFen,
    multiplier: 1,
    issuedBy: 'staff',
    createdAt: now,
    expiresAt: later(1),
    claimedBy: null,
    claimedAt: null,
    status: 'open',
  }
}

/** A member with `points` on top of the sign-up bonus, as if earned, and no purchase yet. */
function memberWith(points: number, extra: Partial<Member> = {}): Member {
  const m = signUp('u1', rules, now).member
  return {
    ...m,
    balance: m.balance + points,
    lifetimePoints: m.lifetimePoints + points,
    lots: [{ expires: '2027-11', points: m.balance + points }],
    ...extra,
  }
}

/** The books balance: lots = balance ≥ 0, debt ≥ 0. */
function expectSound(m: Member): void {
  expect(lotsTotal(m.lots)).toBe(m.balance)
  expect(m.balance).toBeGreaterThanOrEqual(0)
  expect(m.pointsDebt ?? 0).toBeGreaterThanOrEqual(0)
}

const item: Item = { _id: 'gift', name: '礼品', kind: 'goods', points: 200, stock: 10, validDays: 30, active: true }

describe('refundPurchase', () => {
  it('refunds 30% then 70%: points earned and paid as cash come back in proportion, and no more', () => {
    // 120.00 yuan paying 185 points: 118.15 paid, 118 + 50 (first) earned
    const sold = claimPurchase(memberWith(400), code('o1', 120_00), 185, rules, now)
    expect(sold.answer).toMatchObject({ deductedPoints: 185, payFen: 118_15, awarded: 168 })
    const first = refundPurchase(sold.member, sold.purchase, 'r1', 35_44, rules, now)
    // 3544 / 11815 of 168 earned = 50.39 → 50; of 185 used = 55.49 → 55
    expect(first.answer).toEqual({ clawedBack: 50, returnedPoints: 55, balance: 500 - 185 + 168 + 55 - 50 })
    expect(first.purchase).toMatchObject({ status: 'partlyRefunded', refundedFen: 35_44 })
    const rest = refundPurchase(first.member, first.purchase, 'r2', 82_71, rules, now)
    expect(rest.answer).toEqual({ clawedBack: 118, returnedPoints: 130, balance: 500 })
    expect(rest.purchase).toMatchObject({ status: 'refunded', refundedFen: 118_15 })
    expect(rest.member).toMatchObject({ totalSpentFen: 0, purchases: 0, lifetimePoints: 500 })
    expect(rest.member?.pointsDebt ?? 0).toBe(0)
    expect(() => refundPurchase(rest.member, rest.purchase, 'r3', 1, rules, now)).toThrow(expect.objectContaining({ code: 'ALREADY_DONE' }))
    expect(() => refundPurchase(first.member, first.purchase, 'r3', 82_72, rules, now)).toThrow(expect.objectContaining({ code: 'LIMIT_REACHED' }))
    expectSound(rest.member!)
    expect(rest.entries.map((e) => [e._id, e.delta, e.kind])).toEqual([
      ['refund:o1:r2:cash', 130, 'refund'],
      ['refund:o1:r2:claw', -118, 'clawback'],
    ])
  })

  it('gives points paid as cash back with their own expiry, except those already past it', () => {
    const m = memberWith(0, {
      balance: 300,
      lifetimePoints: 300,
      lots: [
        { expires: '2026-12', points: 100 },
        { expires: '2027-11', points: 200 },
      ],
    })
    const sold = claimPurchase(m, code('o2', 100_00), 150, rules, now)
    expect(sold.purchase.claim?.cashLots).toEqual([
      { expires: '2026-12', points: 100 },
      { expires: '2027-11', points: 50 },
    ])
    const back = refundPurchase(sold.member, sold.purchase, 'r1', sold.answer.payFen, rules, now)
    // 150 come back to 2026-12 and 2027-11 as they were; the 148 earned (98 + 50) are then taken back soonest-expiring first
    expect(back.entries.map((e) => [e._id, e.delta])).toEqual([
      ['refund:o2:r1:cash', 150],
      ['refund:o2:r1:claw', -148],
    ])
    expect(back.member?.lots).toEqual([{ expires: '2027-11', points: 300 }])
    // after December the first 100 are gone: only the 50 of 2027-11 come back
    const late = refundPurchase(sold.member, sold.purchase, 'r1', sold.answer.payFen, rules, new Date('2027-01-05T00:00:00Z'))
    expect(late.answer.returnedPoints).toBe(50)
    expectSound(late.member!)
  })

  it('records what was already spent as debt, and later earnings settle it first', () => {
    // 100 sign-up + 150 earned (100 + 50 first) = 250; 200 spent on a gift leaves 50
    const sold = claimPurchase(memberWith(0), code('o3', 100_00), false, rules, now)
    const spent = redeem(sold.member, item, 'req-1', 'V1', rules, now)
    expect(spent.member.balance).toBe(50)
    const back = refundPurchase(spent.member, sold.purchase, 'r1', 100_00, rules, now)
    expect(back.answer).toEqual({ clawedBack: 150, returnedPoints: 0, balance: 0 })
    expect(back.member).toMatchObject({ balance: 0, pointsDebt: 100, lifetimePoints: 100 })
    expect(back.entries).toEqual([expect.objectContaining({ _id: 'refund:o3:r1:claw', delta: -50, debtAdded: 100, kind: 'clawback' })])
    expectSound(back.member!)

    const day = checkIn(back.member!, rules, later(1))
    expect(day.member).toMatchObject({ balance: 0, pointsDebt: 95 })
    expect(day.entries).toEqual([expect.objectContaining({ delta: 0, debtSettled: 5 })])
    const next = claimPurchase(day.member, code('o4', 200_00), false, rules, later(1))
    // 200 earned, and no first-purchase bonus: the refund took it back, and it is paid once per WeChat user; 95 settle the debt, 105 stay
    expect(next.member).toMatchObject({ balance: 105, pointsDebt: 0, purchases: 1 })
    expect(next.answer.awarded).toBe(200)
    expect(next.entries).toEqual([expect.objectContaining({ _id: 'purchase:code-o4', delta: 105, debtSettled: 95 })])
    expectSound(next.member)
  })

  it('pays the first-purchase bonus once: a full refund takes it back, and the next order does not earn it again', () => {
    const sold = claimPurchase(memberWith(0), code('o10', 100_00), false, rules, now)
    expect(sold.entries.map((e) => e._id)).toContain('purchase:code-o10:first')
    const back = refundPurchase(sold.member, sold.purchase, 'r1', 100_00, rules, now)
    expect(back.answer.clawedBack).toBe(150)
    expect(back.member).toMatchObject({ purchases: 0, firstPurchasePaid: true, balance: 100 })
    const again = claimPurchase(back.member!, code('o11', 100_00), false, rules, now)
    expect(again.answer.awarded).toBe(100)
    expect(again.entries.map((e) => e.kind)).toEqual(['purchase'])
  })

  it('takes a tier and its bonus back when only the refunded part reached it, and pays it again when reached anew', () => {
    const m = memberWith(0, { totalSpentFen: 900_00, purchases: 3 })
    const sold = claimPurchase(m, code('o5', 200_00), false, rules, now)
    expect(sold.member.tier).toBe('silver')
    expect(sold.purchase.claim?.promoted).toEqual([{ id: 'silver', bonus: 100 }])
    // 50 yuan back leaves 1050 spent: still silver
    const part = refundPurchase(sold.member, sold.purchase, 'r1', 50_00, rules, now)
    expect(part.member).toMatchObject({ tier: 'silver', totalSpentFen: 1050_00 })
    expect(part.answer.clawedBack).toBe(50)
    const rest = refundPurchase(part.member, part.purchase, 'r2', 150_00, rules, now)
    expect(rest.member).toMatchObject({ tier: 'normal', totalSpentFen: 900_00, tierLosses: { silver: 1 } })
    expect(rest.answer.clawedBack).toBe(150 + 100)
    expect(rest.entries.find((e: LedgerEntry) => e._id === 'refund:o5:r2:tier:silver')).toMatchObject({ delta: -100, kind: 'clawback' })
    expect(rest.purchase.lostTiers).toEqual(['silver'])
    expectSound(rest.member!)

    const again = claimPurchase(rest.member!, code('o6', 100_00), false, rules, later(1))
    expect(again.member.tier).toBe('silver')
    expect(again.entries.map((e) => e._id)).toContain('tier:u1:silver:1')
  })

  it('judges a tier the rules renamed since by spend and points, never as the lowest', () => {
    const sold = claimPurchase(memberWith(0, { tier: 'silver', totalSpentFen: 4900_00, purchases: 3 }), code('o12', 200_00), false, rules, now)
    expect(sold.member.tier).toBe('gold')
    // silver, held before the purchase, is renamed; the refund leaves 4900 spent: what silver's new name still reaches
    const renamed = { ...rules, tiers: rules.tiers.map((t) => (t.id === 'silver' ? { ...t, id: 'silver-2' } : t)) }
    const back = refundPurchase(sold.member, sold.purchase, 'r1', 200_00, renamed, now)
    expect(back.member).toMatchObject({ tier: 'silver-2', totalSpentFen: 4900_00 })
    // 240 earned at silver's 1.2 and gold's bonus
    expect(back.answer.clawedBack).toBe(240 + 500)
    expect(back.purchase.lostTiers).toEqual(['gold'])
  })

  it('keeps a tier the member has held since for other reasons', () => {
    const m = memberWith(0, { totalSpentFen: 900_00, purchases: 3 })
    const sold = claimPurchase(m, code('o7', 200_00), false, rules, now)
    const bigger = claimPurchase(sold.member, code('o8', 4000_00), false, rules, now)
    expect(bigger.member.tier).toBe('gold')
    const back = refundPurchase(bigger.member, sold.purchase, 'r1', 200_00, rules, now)
    expect(back.member).toMatchObject({ tier: 'gold', totalSpentFen: 4900_00 })
    expect(back.answer.clawedBack).toBe(200)
  })

  it('moves only the money for a shopper who has deleted the account', () => {
    const sold = claimPurchase(memberWith(0), code('o9', 100_00), false, rules, now)
    expect(refundPurchase(null, sold.purchase, 'r1', 100_00, rules, now)).toMatchObject({
      member: null,
      entries: [],
      purchase: { status: 'refunded' },
    })
  })
})
