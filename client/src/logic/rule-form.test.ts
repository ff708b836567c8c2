import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, type Rules } from '../../../shared/rules'
import { formatValue, parseText, setAt } from './form-field'
import { draftProblems, keysOf, placeIssues, rulePathOf } from './rule-form'
import { RULE_FIELDS } from './rule-fields'

const field = (path: string) => RULE_FIELDS.find((f) => f.path === path)!
const rules = (): Rules => structuredClone(DEFAULT_RULES)

describe('typing a rule', () => {
  it('shows money in 元 and stores it in fen', () => {
    const maxOrder = field('counter.maxOrderFen')
    expect(formatValue(maxOrder, 5000_00)).toBe('5000')
    expect(parseText(maxOrder, '38.5')).toEqual({ ok: true, value: 3850 })
    expect(parseText(field('counter.maxRefundFen'), '0')).toEqual({ ok: true, value: 0 })
    expect(parseText(maxOrder, '3.456')).toMatchObject({ ok: false })
  })

  it('reads whole numbers, decimals and lists, and leaves an empty optional rule out', () => {
    expect(parseText(field('checkIn.daily'), '8')).toEqual({ ok: true, value: 8 })
    expect(parseText(field('checkIn.daily'), '8.5')).toEqual({ ok: false, error: '请填写整数' })
    expect(parseText(field('checkIn.daily'), '')).toEqual({ ok: false, error: '请填写' })
    expect(parseText(field('tiers[].rate'), '1.25')).toEqual({ ok: true, value: 1.25 })
    expect(parseText(field('expiry.remindDays'), '7，3、1')).toEqual({ ok: true, value: [7, 3, 1] })
    expect(parseText(field('tiers[].discountPercent'), ' ')).toEqual({ ok: true, value: undefined })
    expect(formatValue(field('expiry.remindDays'), [7, 3, 1])).toBe('7, 3, 1')
  })

  it('writes a value at its path without touching the rest, and drops an emptied optional rule', () => {
    const r = rules()
    const next = setAt(r, 'tiers.1.rate', 1.3)
    expect(next.tiers[1]!.rate).toBe(1.3)
    expect(r.tiers[1]!.rate).toBe(1.2)
    expect(next.tiers[0]).toBe(r.tiers[0])
    const withDiscount = setAt(r, 'tiers.1.discountPercent', 5)
    expect(Object.keys(setAt(withDiscount, 'tiers.1.discountPercent', undefined).tiers[1]!)).not.toContain('discountPercent')
  })

  it('lists the keys of a field in every entry', () => {
    expect(keysOf('tiers[].rate', rules())).toEqual(['tiers.0.rate', 'tiers.1.rate', 'tiers.2.rate', 'tiers.3.rate'])
    expect(keysOf('campaigns[].name', rules())).toEqual([])
  })
})

describe('where a problem shows', () => {
  it('beside the field the bounds refuse, in the words the server uses', () => {
    const r = setAt(rules(), 'checkIn.daily', 20_000)
    expect(draftProblems(r)).toEqual({ 'checkIn.daily': '单项积分最多 10000' })
    expect(draftProblems(rules())).toEqual({})
  })

  it('on the entry or the group when no single field is at fault', () => {
    const reversed = { ...rules(), tiers: [...DEFAULT_RULES.tiers].reverse() }
    expect(draftProblems(reversed)).toMatchObject({ tiers: '第一个等级必须没有门槛' })
    const r = rules()
    const issues = [
      { path: 'campaigns.0.weekdays.2', message: '星期应为 1 到 7' },
      { path: 'lottery', message: 'x' },
      { path: '', message: 'y' },
    ]
    const withCampaign = setAt(r, 'campaigns', [{ id: 'c', name: '活动', from: '2026-01-01', to: '2026-01-02', multiplier: 2 }])
    expect(placeIssues(issues, withCampaign)).toEqual({ 'campaigns.0.weekdays': '星期应为 1 到 7', lottery: 'x', '': 'y' })
  })

  it("reads the rule a server's refusal names", () => {
    expect(rulePathOf('rules.tiers.1.rate')).toBe('tiers.1.rate')
    expect(rulePathOf('rules')).toBe('')
    expect(rulePathOf(undefined)).toBe('')
  })
})
