import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, resolveRules, rulesSchema } from './rules'

describe('rules', () => {
  it('defaults pass their own schema', () => {
    expect(rulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES)
  })

  it('uses a valid stored document and falls back on a broken one', () => {
    const stored = { _id: 'rules', ...structuredClone(DEFAULT_RULES), signup: 200 }
    expect(resolveRules(stored).signup).toBe(200)
    expect(resolveRules({ ...stored, signup: -1 })).toBe(DEFAULT_RULES)
    expect(resolveRules(null)).toBe(DEFAULT_RULES)
  })

  it('refuses tiers that do not rise, unknown zones and unknown fields', () => {
    const tiers = [...DEFAULT_RULES.tiers].reverse()
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, tiers }).success).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, timeZone: 'Mars/Base' }).success).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, extra: 1 }).success).toBe(false)
  })

  it('gives rules saved before the counter limits and the share cap existed their defaults', () => {
    const { counter: _counter, ...older } = structuredClone(DEFAULT_RULES)
    const stored = { _id: 'rules', ...older, share: { reward: 8, dailyLimit: 10 } }
    const rules = resolveRules(stored)
    expect(rules.share).toEqual({ reward: 8, dailyLimit: 10, createLimit: 20 })
    expect(rules.counter).toEqual(DEFAULT_RULES.counter)
  })

  it('bounds the counter limits and the share cap', () => {
    const counter = (c: Partial<typeof DEFAULT_RULES.counter>) => rulesSchema.safeParse({ ...DEFAULT_RULES, counter: { ...DEFAULT_RULES.counter, ...c } }).success
    expect(counter({ maxOrderFen: 1_000_000_00, codesPerHour: 1000, maxRefundFen: 0 })).toBe(true)
    for (const bad of [{ maxOrderFen: 0 }, { maxOrderFen: 1_000_000_01 }, { codesPerHour: 0 }, { codesPerHour: 1.5 }, { maxRefundFen: -1 }, { maxRefundFen: 1e20 }]) expect(counter(bad)).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, counter: { ...DEFAULT_RULES.counter, extra: 1 } }).success).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, share: { ...DEFAULT_RULES.share, createLimit: 0 } }).success).toBe(false)
  })
})
