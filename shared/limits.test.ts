import { describe, expect, it } from 'vitest'
import { checkoutRefusal, issueRefusal, shareCreateRefusal, usageIds } from './limits'
import { DEFAULT_RULES, type Rules } from './rules'

const rules: Rules = {
  ...DEFAULT_RULES,
  counter: { maxOrderFen: 1000_00, codesPerHour: 5, maxRefundFen: 200_00 },
  share: { ...DEFAULT_RULES.share, createLimit: 3 },
}

describe('the counter limits on a clerk', () => {
  it('lets a clerk issue up to the largest order, and refuses a fen more with a sentence naming the limit', () => {
    expect(issueRefusal({ role: 'staff', amountFen: 1000_00, issuedThisHour: 0 }, rules)).toBeNull()
    const refusal = issueRefusal({ role: 'staff', amountFen: 1000_01, issuedThisHour: 0 }, rules)
    expect(refusal).toMatchObject({ code: 'PERMISSION_DENIED', message: '单笔超过 1000 元的积分码需要店长生成' })
  })

  it('counts codes per hour: the fifth passes, the sixth is refused', () => {
    expect(issueRefusal({ role: 'staff', amountFen: 100, issuedThisHour: 4 }, rules)).toBeNull()
    expect(issueRefusal({ role: 'staff', amountFen: 100, issuedThisHour: 5 }, rules)?.code).toBe('LIMIT_REACHED')
  })

  it('does not limit an admin', () => {
    expect(issueRefusal({ role: 'admin', amountFen: 1_000_000_00, issuedThisHour: 10_000 }, rules)).toBeNull()
    expect(checkoutRefusal('admin', 1_000_000_00, rules)).toBeNull()
  })

  it('holds a 会员码 checkout to the same largest order', () => {
    expect(checkoutRefusal('staff', 1000_00, rules)).toBeNull()
    expect(checkoutRefusal('staff', 1000_01, rules)).toMatchObject({ code: 'PERMISSION_DENIED', message: '单笔超过 1000 元的订单需要店长结账' })
  })

  it('counts a clerk by the clock hour', () => {
    const at = (iso: string) => usageIds.codesIssued('clerk', new Date(iso))
    expect(at('2030-01-01T10:00:00Z')).toBe(at('2030-01-01T10:59:59.999Z'))
    expect(at('2030-01-01T10:59:59.999Z')).not.toBe(at('2030-01-01T11:00:00Z'))
    expect(at('2030-01-01T10:00:00Z')).not.toBe(usageIds.codesIssued('other', new Date('2030-01-01T10:00:00Z')))
  })
})

describe('shares a member creates a day', () => {
  it('allows the daily cap and refuses one more', () => {
    expect(shareCreateRefusal(2, rules)).toBeNull()
    expect(shareCreateRefusal(3, rules)).toMatchObject({ code: 'LIMIT_REACHED', message: '每天最多分享 3 次，明天再来吧' })
    expect(shareCreateRefusal(19, DEFAULT_RULES)).toBeNull()
    expect(shareCreateRefusal(20, DEFAULT_RULES)?.code).toBe('LIMIT_REACHED')
  })
})
