import { describe, expect, it } from 'vitest'
import { campaignGains, campaignsAt, campaignText, portionsOf, type Campaign } from './campaigns'
import { claimPurchase, signUp, type Member, type PurchaseDoc, type VoucherDoc } from './member'
import { pointsForPayment } from './purchase'
import { DEFAULT_RULES, rulesSchema, type Rules, type TierRule } from './rules'

const normal = DEFAULT_RULES.tiers[0] as TierRule
const memberDay: Campaign = { id: 'member_day', name: '会员日', from: '2027-01-01', to: '2027-12-31', monthDays: [8], multiplier: 2 }
const newLatte: Campaign = { id: 'sakura', name: '新品樱花拿铁', from: '2027-03-01', to: '2027-03-31', multiplier: 3, tags: ['new'] }
const rulesWith = (campaigns: Campaign[], more: Partial<Rules> = {}): Rules => rulesSchema.parse({ ...DEFAULT_RULES, campaigns, ...more })
// 2027-03-08 is a Monday and the 8th, at noon Shanghai time
const MARCH_8 = new Date('2027-03-08T04:00:00Z')
const pointsOf = (fen: number) => pointsForPayment(fen, normal, 1, false)

function purchase(id: string, amountFen: number, lines?: PurchaseDoc['lines']): PurchaseDoc {
  return {
    _id: id,
    orderId: id,
    amountFen,
    multiplier: 1,
    issuedBy: 'staff',
    createdAt: MARCH_8,
    expiresAt: new Date(MARCH_8.getTime() + 600_000),
    claimedBy: null,
    claimedAt: null,
    status: 'open',
    refundedFen: 0,
    ...(lines ? { lines } : {}),
  }
}

/** A member past the first purchase, so only the campaigns are at play. */
function regular(rules: Rules, balance = 0): Member {
  const m = signUp('m1', rules, new Date('2027-01-01T00:00:00Z')).member
  return { ...m, purchases: 1, firstPurchasePaid: true, balance: m.balance + balance, lots: [{ expires: '2028-02', points: m.balance + balance }] }
}

describe('campaigns', () => {
  it('on 会员日 ×2 with a 新品 line ×3: ×3 on that line, ×2 on the rest, never ×6', () => {
    const rules = rulesWith([memberDay, newLatte])
    const running = campaignsAt(rules, MARCH_8, 'normal')
    expect(running.map((c) => c.id)).toEqual(['member_day', 'sakura'])
    // 100 yuan, of which a 30-yuan 新品 line: 30 × 3 + 70 × 2 = 230 points
    const gains = campaignGains(portionsOf(100_00, 100_00, [{ tag: 'new', amountFen: 30_00 }]), running, pointsOf)
    expect(gains).toEqual([
      { id: 'sakura', name: '新品樱花拿铁', points: 60 },
      { id: 'member_day', name: '会员日', points: 70 },
    ])
    const claim = claimPurchase(regular(rules), purchase('p1', 100_00, [{ tag: 'new', amountFen: 30_00 }]), false, rules, MARCH_8)
    expect(claim.answer.awarded).toBe(230)
    expect(campaignText(memberDay)).toBe('今天会员日，消费积分×2')
    expect(campaignText(newLatte)).toBe('今天新品樱花拿铁，指定商品积分×3')
  })

  it('caps what one purchase gains from a campaign', () => {
    const rules = rulesWith([{ ...memberDay, capPoints: 50 }])
    const claim = claimPurchase(regular(rules), purchase('p2', 300_00), false, rules, MARCH_8)
    // 300 points, and 会员日 would add 300 more but is capped at 50
    expect(claim.answer.awarded).toBe(350)
    expect(claim.entries.find((e) => e.kind === 'campaign')).toMatchObject({ delta: 50, reason: '会员日，多得 50 积分' })
  })

  it('runs on the days it names only, for the tiers it names only', () => {
    const rules = rulesWith([memberDay, { ...newLatte, id: 'gold_weekend', tags: undefined, weekdays: [6, 7], minTier: 'gold' }])
    expect(campaignsAt(rules, new Date('2027-03-09T04:00:00Z'), 'normal')).toEqual([])
    // 2027-03-13 is a Saturday
    expect(campaignsAt(rules, new Date('2027-03-13T04:00:00Z'), 'normal')).toEqual([])
    expect(campaignsAt(rules, new Date('2027-03-13T04:00:00Z'), 'diamond').map((c) => c.id)).toEqual(['gold_weekend'])
  })

  it('earns 200 × 2 + 50 = 450 on a first order of 200 yuan with 首单双倍', () => {
    const rules = rulesWith([], { purchase: { ...DEFAULT_RULES.purchase, firstMultiplier: 2 } })
    const fresh = signUp('m2', rules, MARCH_8).member
    const claim = claimPurchase(fresh, purchase('p3', 200_00), false, rules, MARCH_8)
    // 450 for the order, and no tier crossed (100 + 450 < 1000)
    expect(claim.answer.awarded).toBe(450)
    expect(claim.purchase.claim?.earned).toBe(450)
  })

  it('doubles with a 积分翻倍卡 the points of a purchase that also crosses a tier, but not the tier bonus', () => {
    const rules = rulesWith([])
    const card: VoucherDoc = {
      _id: 'CARD',
      openid: 'm1',
      itemId: 'double',
      name: '积分翻倍卡',
      kind: 'privilege',
      points: 0,
      status: 'pending',
      requestId: 'r',
      createdAt: MARCH_8,
      expiresAt: new Date('2027-04-01T00:00:00Z'),
      updatedAt: MARCH_8,
      value: { type: 'pointsMultiplier', multiplier: 2 },
    }
    const claim = claimPurchase(regular(rules), purchase('p4', 1000_00), false, rules, MARCH_8, { voucher: card })
    // 1000 points at 普通会员's rate (held before the purchase) ×2 = 2000, plus silver's 100 bonus
    expect(claim.answer.awarded).toBe(2100)
    expect(claim.answer.tier.id).toBe('silver')
    expect(claim.voucher).toMatchObject({ status: 'fulfilled', orderId: 'p4' })
    expect(claim.purchase.claim).toMatchObject({ earned: 2000, voucherCode: 'CARD' })
  })

  it('refuses a campaign multiplier above 5 and a minimum tier the rules do not name, in Chinese', () => {
    const problem = (campaigns: unknown) => rulesSchema.safeParse({ ...DEFAULT_RULES, campaigns }).error?.issues[0]?.message
    expect(problem([{ ...memberDay, multiplier: 6 }])).toBe('活动积分倍数最多 5 倍')
    expect(problem([{ ...memberDay, minTier: 'platinum' }])).toBe('活动的最低等级不在会员等级中')
    expect(problem([{ ...memberDay, from: '2027-02-01', to: '2027-01-01' }])).toBe('活动结束日期不能早于开始日期')
  })
})
