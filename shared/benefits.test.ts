import { describe, expect, it } from 'vitest'
import { birthdayGift, monthlyGift, quietSinceOf, winbackGift, zheOf, type BenefitMember } from './benefits'
import { signUp, type Item } from './member'
import { DEFAULT_RULES } from './rules'

const now = new Date('2031-07-05T02:00:00+08:00')
let n = 0
const code = () => `CODE${++n}`

function memberOf(tier: string, birthdayMonth: number | null): BenefitMember {
  const m = signUp('u1', DEFAULT_RULES, new Date('2031-01-01T02:00:00+08:00')).member
  return { ...m, tier, birthdayMonth, birthday: birthdayMonth ? `1990-0${birthdayMonth}-01` : null }
}

describe('birthdayGift', () => {
  it('gives 500 points and a 20%-off voucher in the birthday month, once a year', () => {
    const gift = birthdayGift(memberOf('normal', 7), DEFAULT_RULES, now, code)!
    expect(gift.member.balance).toBe(600)
    expect(gift.entries.map((e) => [e._id, e.delta, e.kind])).toEqual([['birthday:u1:2031', 500, 'birthday']])
    expect(gift.answer.vouchers.map((v) => [v.name, v.points, v.status])).toEqual([['生日8折券', 0, 'pending']])
    expect(gift.member.granted).toEqual({ birthday: '2031' })
    expect(birthdayGift(gift.member, DEFAULT_RULES, now, code)).toBeNull()
    // next year it comes again
    expect(birthdayGift(gift.member, DEFAULT_RULES, new Date('2032-07-01T02:00:00+08:00'), code)?.answer.grantId).toBe('birthday:u1:2032')
  })

  it('adds the free-order voucher for diamond, and nothing outside the birthday month or without a birthday', () => {
    expect(birthdayGift(memberOf('diamond', 7), DEFAULT_RULES, now, code)?.answer.vouchers.map((v) => v.name)).toEqual(['生日8折券', '生日免单券'])
    expect(birthdayGift(memberOf('gold', 7), DEFAULT_RULES, now, code)?.answer.vouchers.map((v) => v.name)).toEqual(['生日8折券'])
    // worth their words at the till: 20% off, and a free order up to 200 yuan
    expect(birthdayGift(memberOf('diamond', 7), DEFAULT_RULES, now, code)?.answer.vouchers.map((v) => v.value)).toEqual([
      { type: 'percentOff', percent: 20 },
      { type: 'freeOrder', maxOffFen: 200_00 },
    ])
    expect(birthdayGift(memberOf('diamond', 8), DEFAULT_RULES, now, code)).toBeNull()
    expect(birthdayGift(memberOf('diamond', null), DEFAULT_RULES, now, code)).toBeNull()
  })

  it('judges the month in the merchant’s zone (June 30 20:00 UTC is July 1 in Shanghai)', () => {
    expect(birthdayGift(memberOf('normal', 7), DEFAULT_RULES, new Date('2031-06-30T20:00:00Z'), code)).not.toBeNull()
  })

  it('names the discount the Chinese way', () => {
    expect(zheOf(20)).toBe('8')
    expect(zheOf(5)).toBe('9.5')
  })
})

describe('monthlyGift', () => {
  it('gives each tier its free-delivery vouchers once a month, valid to the month end', () => {
    expect(monthlyGift(memberOf('normal', null), DEFAULT_RULES, now, code)).toBeNull()
    expect(monthlyGift(memberOf('silver', null), DEFAULT_RULES, now, code)?.answer.vouchers).toHaveLength(1)
    expect(monthlyGift(memberOf('gold', null), DEFAULT_RULES, now, code)?.answer.vouchers).toHaveLength(2)
    const diamond = monthlyGift(memberOf('diamond', null), DEFAULT_RULES, now, code)!
    expect(diamond.answer.vouchers).toHaveLength(3)
    expect(diamond.answer.vouchers[0]?.expiresAt.toISOString()).toBe('2031-07-31T15:59:59.999Z')
    expect(diamond.entries).toEqual([])
    expect(monthlyGift(diamond.member, DEFAULT_RULES, now, code)).toBeNull()
    expect(monthlyGift(diamond.member, DEFAULT_RULES, new Date('2031-08-01T02:00:00+08:00'), code)?.answer.grantId).toBe('monthly:u1:2031-08')
  })
})

describe('winbackGift', () => {
  const rules = { ...DEFAULT_RULES, winback: { afterDays: 30, itemId: 'coupon_10' } }
  const item: Item = {
    _id: 'coupon_10',
    name: '10元优惠券',
    kind: 'coupon',
    points: 1000,
    stock: 5,
    validDays: 14,
    active: true,
    value: { type: 'amountOff', offFen: 10_00 },
  }
  const quiet = (since: string): BenefitMember => ({ ...memberOf('normal', null), quietSince: new Date(since) })

  it('gives one voucher of the item, valid its days, to a member quiet for 30 days, and closes the spell', () => {
    const gift = winbackGift(item)(quiet('2031-06-05T02:00:00+08:00'), rules, now, code)!
    expect(gift.answer.grantId).toBe('winback:u1:2031-06-04T18:00:00.000Z')
    expect(gift.answer.vouchers.map((v) => [v.itemId, v.name, v.points, v.value, v.expiresAt.getTime() - now.getTime()])).toEqual([
      ['coupon_10', '10元优惠券', 0, item.value, 14 * 86_400_000],
    ])
    expect(gift.entries).toEqual([])
    expect(gift.member.quietSince).toBeNull()
    expect(winbackGift(item)(gift.member, rules, now, code)).toBeNull()
  })

  it('dates the spell of a member from before it was kept from the last purchase, or else from joining', () => {
    const m = memberOf('normal', null)
    expect(quietSinceOf(m, new Date('2031-03-01T00:00:00Z'))).toEqual(new Date('2031-03-01T00:00:00Z'))
    expect(quietSinceOf(m, null)).toEqual(m.createdAt)
  })

  it('gives nothing a day early, to a frozen member, or while win-back is off', () => {
    expect(winbackGift(item)(quiet('2031-06-06T02:00:01+08:00'), rules, now, code)).toBeNull()
    expect(winbackGift(item)({ ...quiet('2031-01-01T00:00:00Z'), frozen: true }, rules, now, code)).toBeNull()
    expect(winbackGift(item)(quiet('2031-01-01T00:00:00Z'), DEFAULT_RULES, now, code)).toBeNull()
  })
})
