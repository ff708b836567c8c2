import { describe, expect, it } from 'vitest'
import { CODE_PATTERN, randomCode } from './codes'

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
})
