import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from './rules'
import { schemas } from './schemas'

const bad = [NaN, 1e20, -1, 1.5, '5', null, 'x'.repeat(10_000)]

describe('action schemas', () => {
  it('accept a well-formed purchase and refuse bad amounts and unknown fields', () => {
    const s = schemas.store.issuePurchase
    expect(s.safeParse({ orderId: 'A-1', amountFen: 12345 }).success).toBe(true)
    for (const amountFen of bad) expect(s.safeParse({ orderId: 'A-1', amountFen }).success).toBe(false)
    expect(s.safeParse({ orderId: 'A-1', amountFen: 1, extra: true }).success).toBe(false)
    expect(s.safeParse({ orderId: 'A-1', amountFen: 1, multiplier: 4 }).success).toBe(false)
    expect(s.safeParse({ amountFen: 1 }).success).toBe(false)
  })

  it('refuse ids with separators and oversize strings', () => {
    const s = schemas.exchange.redeem
    expect(s.safeParse({ itemId: 'coffee', requestId: 'r-1' }).success).toBe(true)
    expect(s.safeParse({ itemId: 'a:b', requestId: 'r' }).success).toBe(false)
    expect(s.safeParse({ itemId: 'coffee', requestId: 'r'.repeat(65) }).success).toBe(false)
    expect(schemas.member.updateProfile.safeParse({ address: 'x'.repeat(201) }).success).toBe(false)
    expect(schemas.member.updateProfile.safeParse({ birthday: '2027-02-29' }).success).toBe(false)
    expect(schemas.member.updateProfile.safeParse({}).success).toBe(false)
  })

  it('refuse ids that would reach an object prototype, in actions and in the rules', () => {
    for (const itemId of ['__proto__', 'constructor', 'prototype']) {
      const parsed = schemas.exchange.redeem.safeParse({ itemId, requestId: 'r' })
      const message = parsed.success ? '' : parsed.error.issues[0]?.message
      expect(message).toBe('这个编号是保留字，请换一个')
      // a shopper reads it: no Latin word, not even the reserved names themselves
      expect(message).not.toMatch(/[A-Za-z]/)
    }
    expect(schemas.exchange.redeem.safeParse({ itemId: 'toString', requestId: 'r' }).success).toBe(true)
    const tiers = DEFAULT_RULES.tiers.map((t, i) => (i === 1 ? { ...t, id: '__proto__' } : t))
    expect(schemas.store.rules.safeParse({ rules: { ...DEFAULT_RULES, tiers } }).success).toBe(false)
    const prizes = [{ id: 'constructor', name: '谢谢参与', weight: 1 }]
    expect(schemas.store.rules.safeParse({ rules: { ...DEFAULT_RULES, lottery: { cost: 10, prizes } } }).success).toBe(false)
  })

  it('bound paging and months', () => {
    expect(schemas.member.ledger.safeParse({ limit: 50 }).success).toBe(true)
    expect(schemas.member.ledger.safeParse({ limit: 51 }).success).toBe(false)
    expect(schemas.checkin.calendar.safeParse({ month: '2026-13' }).success).toBe(false)
  })
})
