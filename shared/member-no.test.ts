import { describe, expect, it } from 'vitest'
import { isMemberNo, randomMemberNo } from './member-no'

describe('member numbers', () => {
  it('are 8 digits without a leading zero, and vary', () => {
    const many = Array.from({ length: 500 }, randomMemberNo)
    expect(many.every(isMemberNo)).toBe(true)
    expect(new Set(many).size).toBeGreaterThan(495)
    expect(isMemberNo('01234567')).toBe(false)
    expect(isMemberNo('1234567')).toBe(false)
  })
})
