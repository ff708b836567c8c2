import { describe, expect, it } from 'vitest'
import {
  CODE_LENGTH,
  CODE_PATTERN,
  groupCode,
  groupDigits,
  MEMBER_CODE_DIGITS,
  memberCode,
  MEMBER_CODE_PATTERN,
  normalizeCode,
  randomCode,
} from './codes'
import { schemas } from './schemas'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

describe('codes', () => {
  it('are 16 characters of Crockford base32 and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => randomCode()))
    expect(codes.size).toBe(2000)
    for (const c of codes) {
      expect(c).toHaveLength(16)
      expect(c).toMatch(CODE_PATTERN)
      for (const ch of c) expect(CROCKFORD).toContain(ch)
      expect(c).not.toMatch(/[ILOU]/)
    }
    expect(randomCode(16)).toMatch(CODE_PATTERN)
  })

  it('use every character about as often', () => {
    const chars = Array.from({ length: 2000 }, () => randomCode()).join('')
    expect(chars).toHaveLength(32_000)
    const counts = new Map<string, number>()
    for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect([...counts.keys()].sort().join('')).toBe(CROCKFORD)
    // each near 1,000 (σ ≈ 31); a biased generator would drift far more
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200)
  })

  it('carry 80 bits: guessing a live code stays below one in a billion a day at 1e9 guesses against 100,000 codes', () => {
    const bits = CODE_LENGTH * Math.log2(32)
    expect(bits).toBe(80)
    expect((1e9 * 100_000) / 2 ** bits).toBeLessThan(1e-9)
  })

  it('read a code as typed: spaces and dashes dropped, upper-cased, O as 0, I and L as 1', () => {
    expect(normalizeCode('abcd-efgh ijkl mnop')).toBe('ABCDEFGH1JK1MN0P')
    expect(normalizeCode('  7z0q-o1il-LIoO 9xyz ')).toBe('7Z0Q011111009XYZ')
  })

  it('resolve a grouped, lower-case code with look-alikes to the stored code', () => {
    for (let i = 0; i < 200; i++) {
      const stored = randomCode()
      const typed = groupCode(stored)
        .toLowerCase()
        .replace(/0/g, 'o')
        .replace(/1/g, i % 2 ? 'l' : 'I')
      expect(normalizeCode(typed)).toBe(stored)
      expect(schemas.store.lookupVoucher.parse({ code: typed })).toEqual({ code: stored })
    }
  })

  it('show a code in groups of four', () => {
    expect(groupCode('ABCDEFGHJKMNPQRS')).toBe('ABCD EFGH JKMN PQRS')
    expect(normalizeCode(groupCode('ABCDEFGHJKMNPQRS'))).toBe('ABCDEFGHJKMNPQRS')
  })

  it('refuse a code of the wrong length or with U, in plain Chinese', () => {
    for (const code of ['ABCDEFGHJKMNPQR', 'ABCDEFGHJKMNPQRST', 'ABCDEFGHJKMNPQRU', 'ABCD_EFGH', 'x'.repeat(41)]) {
      const r = schemas.store.lookupVoucher.safeParse({ code })
      expect(r.success).toBe(false)
    }
    expect(schemas.store.lookupVoucher.safeParse({ code: 'ABCDEFGHJKMNPQRU' }).error?.issues[0]?.message).toBe('码无效，请检查后重新输入')
  })

  it('make 会员码 of 20 digits, every digit about as likely, read in groups of four', () => {
    const codes = Array.from({ length: 2000 }, () => memberCode())
    expect(new Set(codes).size).toBe(2000)
    for (const c of codes) expect(c).toMatch(MEMBER_CODE_PATTERN)
    const counts = Array.from({ length: 10 }, (_, d) => codes.join('').split(String(d)).length - 1)
    // 40,000 digits: each near 4,000; a biased generator (b % 10 over 256) would favour 0..5 by 2.4%
    for (const n of counts) expect(Math.abs(n - 4000)).toBeLessThan(300)
    expect(groupDigits('12345678901234567890')).toBe('1234 5678 9012 3456 7890')
  })

  it('keep guessing a live 会员码 below one in a billion a day', () => {
    const guessesPerDay = 100 * 86_400
    const liveCodes = 10_000
    expect((guessesPerDay * liveCodes) / 10 ** MEMBER_CODE_DIGITS).toBeLessThan(1e-9)
  })
})
