import { describe, expect, it } from 'vitest'
import { tierJudgementGift, type BenefitMember } from './benefits'
import { checkIn, claimPurchase, signUp, type PurchaseDoc } from './member'
import { DEFAULT_RULES, type Rules } from './rules'
import { recordMonth, standingAt, tierJudgement, tierNoticeAt } from './tier-policy'

const rolling: Rules = { ...DEFAULT_RULES, tierPolicy: { mode: 'rolling', months: 3 } }
const local = (s: string) => new Date(`${s}+08:00`)
const JUNE_1 = local('2031-06-01T00:00:00')

/** A gold member by lifetime totals, whose spend in the last months is `recent`. */
function gold(recent: Array<[string, number]>): BenefitMember {
  const m = signUp('u1', DEFAULT_RULES, local('2030-01-01T10:00:00')).member
  return {
    ...m,
    tier: 'gold',
    totalSpentFen: 6000_00,
    lifetimePoints: 6000,
    recent: recent.map(([month, yuan]) => ({ month, spentFen: yuan * 100, points: yuan })),
  }
}

function purchase(id: string, amountFen: number, at: Date): PurchaseDoc {
  return {
    _id: id,
    orderId: id,
    amountFen,
    multiplier: 1,
    issuedBy: 's',
    createdAt: at,
    expiresAt: new Date(at.getTime() + 600_000),
    claimedBy: null,
    claimedAt: null,
    status: 'open',
    refundedFen: 0,
  }
}

describe('tierJudgement', () => {
  it('changes nothing under the default lifetime policy', () => {
    const m = gold([])
    expect(tierJudgement(m, DEFAULT_RULES, JUNE_1)).toBeNull()
    expect(standingAt(m, DEFAULT_RULES, JUNE_1)).toEqual({ tier: 'gold', totalSpentFen: 6000_00, lifetimePoints: 6000 })
  })

  it('judges on the three whole months before the judgement, dropping one tier at most', () => {
    // spend in February is outside March..May
    expect(tierJudgement(gold([['2031-02', 6000]]), rolling, JUNE_1)).toMatchObject({ from: { id: 'gold' }, to: { id: 'silver' } })
    expect(tierJudgement(gold([['2031-03', 5000]]), rolling, JUNE_1)).toBeNull()
    // June's own spend counts toward July's judgement, not June's
    expect(tierJudgement(gold([['2031-06', 5000]]), rolling, JUNE_1)?.to.id).toBe('silver')
    expect(tierJudgement({ ...gold([]), tier: 'normal' }, rolling, JUNE_1)).toBeNull()
  })

  it('gives notice in the week before a judgement that would lower the tier, and not earlier', () => {
    const m = gold([['2031-02', 6000]])
    expect(tierNoticeAt(m, rolling, local('2031-05-25T02:00:00'))).toEqual({
      to: { id: 'silver', name: '银卡' },
      on: '2031-06-01',
      text: '2031-06-01 起会员等级将调整为银卡，本月再消费可保留金卡',
    })
    expect(tierNoticeAt(m, rolling, local('2031-05-24T23:00:00'))).toBeNull()
    expect(tierNoticeAt(gold([['2031-05', 5000]]), rolling, local('2031-05-25T02:00:00'))).toBeNull()
  })

  it('keeps 60 months of records, adding within a month', () => {
    const kept = recordMonth(
      recordMonth(
        [
          { month: '2026-05', spentFen: 1, points: 1 },
          { month: '2026-06', spentFen: 1, points: 1 },
        ],
        '2031-05',
        100,
        2,
      ),
      '2031-05',
      -40,
      0,
    )
    expect(kept).toEqual([
      { month: '2026-06', spentFen: 1, points: 1 },
      { month: '2031-05', spentFen: 60, points: 2 },
    ])
  })
})

describe('tierJudgementGift', () => {
  it('lowers the tier once a month, a check-in does not lift it back, and reaching it again pays its bonus anew', () => {
    const judged = tierJudgementGift(gold([['2031-02', 6000]]), rolling, local('2031-06-01T02:00:00'))!
    expect(judged.member).toMatchObject({ tier: 'silver', granted: { tierJudged: '2031-06' } })
    expect(judged.answer.grantId).toBe('tiers:u1:2031-06')
    expect(tierJudgementGift(judged.member, rolling, local('2031-06-02T02:00:00'))).toBeNull()
    const after = checkIn(judged.member, rolling, local('2031-06-02T10:00:00')).member
    expect(after.tier).toBe('silver')
    const claim = claimPurchase(after, purchase('p1', 5000_00, local('2031-06-03T10:00:00')), false, rolling, local('2031-06-03T10:00:00'))
    expect(claim.member.tier).toBe('gold')
    expect(claim.entries.find((e) => e.kind === 'tier')).toMatchObject({ _id: 'tier:u1:gold:1', delta: 500 })
  })
})
