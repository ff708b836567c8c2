import { describe, expect, it } from 'vitest'
import { checkIn, claimPurchase, completeProfile, redeem, signUp, type Item, type Member, type PurchaseDoc } from './member'
import { firstMarks, joinOnce, marksOnLeaving } from './once'
import { DEFAULT_RULES as rules } from './rules'

const now = new Date('2026-11-22T04:00:00Z')
const later = new Date('2026-11-22T09:00:00Z')
const item: Item = { _id: 'card', name: '月卡', kind: 'privilege', points: 50, stock: 10, validDays: 30, perMemberLimit: 1, active: true }

function purchase(id: string): PurchaseDoc {
  return {
    _id: id,
    orderId: id,
    amountFen: 100_00,
    multiplier: 1,
    issuedBy: 'staff',
    createdAt: now,
    expiresAt: new Date(later.getTime() + 600_000),
    claimedBy: null,
    claimedAt: null,
  }
}

/** A first life that had every once-only reward: profile, first purchase, today's check-in, the limited item. */
function fullLife(): Member {
  let m = signUp('u1', rules, now).member
  m = completeProfile(m, { birthday: '1990-05-06', address: '上海' }, rules, now).member
  m = claimPurchase(m, purchase('p1'), false, rules, now).member
  m = checkIn(m, rules, now).member
  return redeem(m, item, 'r1', 'CODE1', rules, now).member
}

const rejoined = () => joinOnce('u1', marksOnLeaving(fullLife(), firstMarks('once:h', now), 'hash-of-1990-05-06', now), rules, later).member

describe('joining again', () => {
  it('pays the sign-up bonus only to a user who never joined', () => {
    expect(joinOnce('u1', null, rules, now).member.balance).toBe(100)
    const again = joinOnce('u1', firstMarks('once:h', now), rules, now)
    expect(again.member.balance).toBe(0)
    expect(again.entries).toEqual([])
  })

  it('pays no second profile bonus', () => {
    expect(completeProfile(rejoined(), { address: '北京' }, rules, later, undefined).answer.awarded).toBe(0)
    expect(completeProfile(rejoined(), { birthday: '1990-05-06' }, rules, later, 'hash-of-1990-05-06').answer.awarded).toBe(0)
  })

  it('accepts the same birthday again and refuses a different one', () => {
    expect(completeProfile(rejoined(), { birthday: '1990-05-06' }, rules, later, 'hash-of-1990-05-06').member.birthday).toBe('1990-05-06')
    expect(() => completeProfile(rejoined(), { birthday: '1991-01-01' }, rules, later, 'hash-of-1991-01-01')).toThrow('生日设置后不能修改')
  })

  it('pays no second first-purchase bonus', () => {
    const kinds = claimPurchase(rejoined(), purchase('p2'), false, rules, later).entries.map((e) => e.kind)
    expect(kinds).toEqual(['purchase'])
  })

  it('refuses a second check-in the same day, and allows the next day’s', () => {
    expect(() => checkIn(rejoined(), rules, later)).toThrow('今天已经签到过了')
    expect(checkIn(rejoined(), rules, new Date('2026-11-23T04:00:00Z')).answer.awarded).toBe(rules.checkIn.daily)
  })

  it('keeps counting per-member item limits', () => {
    const m = claimPurchase(rejoined(), purchase('p2'), false, rules, later).member
    expect(() => redeem(m, item, 'r2', 'CODE2', rules, later)).toThrow('每人限兑 1 次')
  })

  it('keeps the marks of every earlier life when leaving again', () => {
    const first = marksOnLeaving(fullLife(), firstMarks('once:h', now), 'hash-of-1990-05-06', now)
    const second = marksOnLeaving(joinOnce('u1', first, rules, later).member, first, null, later)
    expect(second).toMatchObject({
      profileAwarded: { birthday: true, address: true },
      firstPurchase: true,
      lastCheckInDay: '2026-11-22',
      redeemed: { card: 1 },
      birthday: 'hash-of-1990-05-06',
      leftAt: later,
    })
  })
})
