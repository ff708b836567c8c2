import { describe, expect, it } from 'vitest'
import { parseDelta } from './adjust'

describe('the points the owner types to adjust', () => {
  it('reads a whole number with an optional sign', () => {
    expect(parseDelta('50')).toBe(50)
    expect(parseDelta('+50')).toBe(50)
    expect(parseDelta(' - 30 ')).toBe(-30)
  })

  it('refuses zero, fractions, words and more than a million', () => {
    for (const bad of ['0', '-0', '1.5', 'abc', '', '1000001', '1e3']) expect(parseDelta(bad)).toBeNull()
  })
})
