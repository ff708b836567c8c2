import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, readRules, resolveRules, rulesArgument, rulesIssues, rulesSchema, type Rules, type TierRule } from './rules'

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

  it("says why a stored document was set aside, in the owner's words", () => {
    expect(readRules({ _id: 'rules', ...structuredClone(DEFAULT_RULES), signup: -1 })).toEqual({
      rules: DEFAULT_RULES,
      problem: '规则不正确：注册奖励，积分不能为负数',
    })
    expect(readRules(null)).toEqual({ rules: DEFAULT_RULES, problem: null })
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
    const counter = (c: Partial<typeof DEFAULT_RULES.counter>) =>
      rulesSchema.safeParse({ ...DEFAULT_RULES, counter: { ...DEFAULT_RULES.counter, ...c } }).success
    expect(counter({ maxOrderFen: 1_000_000_00, codesPerHour: 1000, maxRefundFen: 0 })).toBe(true)
    for (const bad of [
      { maxOrderFen: 0 },
      { maxOrderFen: 1_000_000_01 },
      { codesPerHour: 0 },
      { codesPerHour: 1.5 },
      { maxRefundFen: -1 },
      { maxRefundFen: 1e20 },
    ])
      expect(counter(bad)).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, counter: { ...DEFAULT_RULES.counter, extra: 1 } }).success).toBe(false)
    expect(rulesSchema.safeParse({ ...DEFAULT_RULES, share: { ...DEFAULT_RULES.share, createLimit: 0 } }).success).toBe(false)
  })
})

describe('rules a merchant could mean', () => {
  const rules = (): Rules => structuredClone(DEFAULT_RULES)
  const withTier = (patch: Partial<TierRule>, i = 1): Rules => {
    const r = rules()
    r.tiers[i] = { ...r.tiers[i]!, ...patch }
    return r
  }
  const withLottery = (lottery: Rules['lottery']): Rules => ({ ...rules(), lottery })
  /** The sentence a merchant reads when a document is refused, or null when it is accepted. */
  const refusal = (doc: unknown): string | null => {
    const parsed = rulesArgument.safeParse(doc)
    return parsed.success ? null : parsed.error.issues[0]!.message
  }

  it('accepts the defaults', () => {
    expect(refusal(DEFAULT_RULES)).toBeNull()
  })

  it('refuses a lottery costing nothing that pays points or an item, and accepts a free one that pays nothing', () => {
    expect(refusal(withLottery({ cost: 0, prizes: [{ id: 'p', name: '50 积分', weight: 1, points: 50 }] }))).toBe(
      '规则不正确：抽奖，有积分或商品奖品时，每次抽奖至少消耗 1 积分',
    )
    expect(refusal(withLottery({ cost: 0, prizes: [{ id: 'c', name: '咖啡', weight: 1, itemId: 'coffee' }] }))).toContain('至少消耗 1 积分')
    expect(refusal(withLottery({ cost: 0, prizes: [{ id: 'none', name: '谢谢参与', weight: 1 }] }))).toBeNull()
  })

  it('refuses a lottery paying out on average as many points as it costs', () => {
    expect(refusal(withLottery({ cost: 100, prizes: [{ id: 'a', name: '100 积分', weight: 1, points: 100 }] }))).toContain(
      '平均送出的积分必须少于每次消耗的积分',
    )
    expect(
      refusal(
        withLottery({
          cost: 100,
          prizes: [
            { id: 'a', name: '200 积分', weight: 1, points: 200 },
            { id: 'n', name: '谢谢参与', weight: 1 },
          ],
        }),
      ),
    ).toContain('平均送出')
    expect(
      refusal(
        withLottery({
          cost: 100,
          prizes: [
            { id: 'a', name: '199 积分', weight: 1, points: 199 },
            { id: 'n', name: '谢谢参与', weight: 1 },
          ],
        }),
      ),
    ).toBeNull()
  })

  it('refuses prizes that can never be drawn', () => {
    expect(refusal(withLottery({ cost: 10, prizes: [{ id: 'a', name: '5 积分', weight: 0, points: 5 }] }))).toContain(
      '至少要有一个奖品的抽中权重大于 0',
    )
  })

  it('keeps tier rates between 0.1 and 10, and rate × birthday multiplier at most 20', () => {
    expect(refusal(withTier({ rate: 0 }))).toBe('规则不正确：会员等级（第 2 个），每元积分倍率至少 0.1，否则消费几乎不得积分')
    expect(refusal(withTier({ rate: 0.1 }, 0))).toBeNull()
    expect(refusal(withTier({ rate: 100 }))).toContain('每元积分倍率最多 10')
    expect(refusal(withTier({ rate: 10, birthdayMultiplier: 10 }))).toContain('积分倍率乘生日倍数最多 20')
    expect(refusal(withTier({ rate: 1.2345 }))).toContain('最多三位小数')
  })

  it('keeps a purchase from paying back more than half its price in points', () => {
    const r = withTier({ rate: 10, birthdayMultiplier: 2 }, 3)
    expect(refusal(r)).toContain('不能超过消费额的 50%')
    expect(refusal({ ...r, cash: { ...r.cash, pointsPerYuan: 120 } })).toBeNull()
  })

  it('bounds every award and cost to 10000 points', () => {
    for (const r of [
      { ...rules(), signup: 10_001 },
      { ...rules(), checkIn: { ...DEFAULT_RULES.checkIn, daily: 20_000 } },
      { ...rules(), purchase: { ...DEFAULT_RULES.purchase, firstBonus: 50_000 } },
      { ...rules(), profile: { birthday: 10_001, address: 0 } },
      withTier({ bonus: 1_000_000 }),
      withLottery({ cost: 20_000, prizes: [] }),
    ]) {
      expect(refusal(r)).toMatch(/^规则不正确：.+，单项积分最多 10000$/)
    }
    expect(refusal({ ...rules(), signup: 10_000 })).toBeNull()
  })

  it('lets points pay at most half a purchase, and a birthday take at most half off', () => {
    expect(refusal({ ...rules(), cash: { pointsPerYuan: 100, maxPercent: 51 } })).toBe('规则不正确：积分抵现，积分抵现最多抵付 50%')
    expect(refusal({ ...rules(), cash: { pointsPerYuan: 100, maxPercent: 50 } })).toBeNull()
    expect(refusal({ ...rules(), birthday: { points: 500, percentOff: 100 } })).toContain('生日折扣最多减 50%')
  })

  it('lets a tier take at most half off every order', () => {
    expect(refusal(withTier({ discountPercent: 51 }))).toBe('规则不正确：会员等级（第 2 个），等级折扣最多减 50%（五折）')
    expect(refusal(withTier({ discountPercent: 50 }))).toBeNull()
  })

  it('names the till limits 收银限制, and fills them in for rules stored before they existed', () => {
    expect(refusal({ ...rules(), counter: { maxOrderFen: 0, codesPerHour: 60, maxRefundFen: 500_00 } })).toBe(
      '规则不正确：收银限制，单笔订单上限至少 1 元',
    )
    expect(refusal({ ...rules(), counter: { ...DEFAULT_RULES.counter, maxRefundFen: -1 } })).toBe('规则不正确：收银限制，店员退款上限不能为负数')
    const { counter: _none, ...older } = rules()
    expect(resolveRules(older).counter).toEqual(DEFAULT_RULES.counter)
  })

  it('says what is wrong in plain Chinese, without English or field paths', () => {
    const bad: unknown[] = [
      { ...rules(), signup: -1 },
      { ...rules(), signup: 'many' },
      { ...rules(), bogus: true },
      { ...rules(), tiers: [] },
      { ...rules(), tiers: [...DEFAULT_RULES.tiers].reverse() },
      { ...rules(), timeZone: 'Mars/Base' },
      withTier({ name: '' }),
      'rules',
    ]
    for (const doc of bad) {
      const message = refusal(doc)
      expect(message).toMatch(/^规则不正确/)
      expect(message).not.toMatch(/[A-Za-z]/)
    }
  })
})

describe('where a rules problem is', () => {
  it('names the refused rule by its path, apart from the sentence', () => {
    const doc = { ...structuredClone(DEFAULT_RULES), checkIn: { daily: 20_000, streakDays: 7, streakBonus: 20 } }
    expect(rulesArgument.safeParse(doc).error?.issues[0]).toMatchObject({
      path: ['checkIn', 'daily'],
      message: '规则不正确：签到奖励，单项积分最多 10000',
    })
  })

  it('lists every problem of a draft with its path, as the form shows them', () => {
    const draft = structuredClone(DEFAULT_RULES)
    draft.tiers[1]!.rate = 0
    draft.counter.maxOrderFen = 50
    expect(rulesIssues(draft)).toEqual([
      { path: 'tiers.1.rate', message: '每元积分倍率至少 0.1，否则消费几乎不得积分' },
      { path: 'counter.maxOrderFen', message: '单笔订单上限至少 1 元' },
    ])
    expect(rulesIssues(DEFAULT_RULES)).toEqual([])
  })
})
