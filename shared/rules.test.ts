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
})
