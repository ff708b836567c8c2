import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, rulesSchema, type Rules } from '../../../shared/rules'
import { RULE_FIELDS, RULE_GROUPS } from './rule-fields'

/** Every leaf of a rules document as a field path: list entries as `[]`, lists of plain values as one leaf. */
function leaves(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? value.flatMap((v) => leaves(v, `${path}[]`)) : [path]
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return [path]
}

/** The defaults with every optional rule filled in too. */
const FULL: Rules = rulesSchema.parse({
  ...DEFAULT_RULES,
  tiers: DEFAULT_RULES.tiers.map((t) => ({ ...t, discountPercent: 5 })),
  lottery: { ...DEFAULT_RULES.lottery, from: '2026-01-01', to: '2026-12-31', perDay: 3 },
  campaigns: [
    {
      id: 'day8',
      name: '会员日',
      from: '2026-01-01',
      to: '2026-12-31',
      weekdays: [6],
      monthDays: [8],
      multiplier: 2,
      tags: ['latte'],
      minTier: 'silver',
      capPoints: 500,
    },
  ],
  tierPolicy: { mode: 'rolling', months: 12 },
})

describe('the rules form', () => {
  const paths = new Set(RULE_FIELDS.map((f) => f.path))
  // an empty list of entries (no campaigns yet) is edited by its list's 添加 button
  const lists = new Set<string>(RULE_GROUPS.flatMap((g) => (g.list ? [g.list.path] : [])))
  const missing = (rules: Rules) => leaves(rules).filter((p) => !paths.has(p) && !lists.has(p))

  it('has a field for every rule of the defaults', () => {
    expect(missing(DEFAULT_RULES)).toEqual([])
  })

  it('has a field for every optional rule too', () => {
    expect(missing(FULL)).toEqual([])
  })

  it('has no field for a rule that does not exist, and each field once', () => {
    const known = new Set(leaves(FULL))
    expect(RULE_FIELDS.map((f) => f.path).filter((p) => !known.has(p))).toEqual([])
    expect(RULE_FIELDS.length).toBe(paths.size)
  })

  it('labels every field in Chinese', () => {
    expect(RULE_FIELDS.filter((f) => !/^[\u4e00-\u9fff]/.test(f.label)).map((f) => f.path)).toEqual([])
  })
})
