import { describe, expect, it } from 'vitest'
import { inviteCodeOf, joinPath } from './invite'

describe('a staff invite', () => {
  it('carries its code in the join page link and reads it back from a scanned or pasted link', () => {
    const link = `http://127.0.0.1:8787/#${joinPath('ABCD EFGH')}`
    expect(link).toBe('http://127.0.0.1:8787/#/merchant/join/index?code=ABCD%20EFGH')
    expect(inviteCodeOf(link)).toBe('ABCD EFGH')
    expect(inviteCodeOf('/merchant/join/index?code=7KQ2M9XPA3D4R5T6&from=share')).toBe('7KQ2M9XPA3D4R5T6')
  })

  it('takes a typed code or claim code as it is, without the spaces around it', () => {
    expect(inviteCodeOf('  7KQ2 M9XP A3D4 R5T6 ')).toBe('7KQ2 M9XP A3D4 R5T6')
  })
})
