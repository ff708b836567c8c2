import { describe, expect, it } from 'vitest'
import { CODE_PATTERN, groupDigits, MEMBER_CODE_DIGITS, memberCode, MEMBER_CODE_PATTERN, randomCode } from './codes'

describe('codes', () => {
  it('are URL-safe, at most 32 characters and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => randomCode()))
    expect(codes.size).toBe(2000)
    for (const c of codes) {
      expect(c).toMatch(CODE_PATTERN)
      expect(c.length).toBeLessThanOrEqual(32)
    }
  })

  it('carry at least 96 bits: 22 characters of 64 symbols', () => {
    expect(randomCode().length * Math.log2(64)).toBeGreaterThanOrEqual(96)
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
