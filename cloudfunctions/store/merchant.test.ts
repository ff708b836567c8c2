import { describe, expect, it } from 'vitest'
import type { Metrics } from '../../shared/metrics'
import { DEFAULT_RULES, type Rules } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())

async function buy(openid: string, orderId: string, yuan: number): Promise<{ awarded: number }> {
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: yuan * 100 }, 'demo-staff')
  return c.data('store', { action: 'claimPurchase', code }, openid)
}

const metrics = (from: string, to: string) => c.data<Metrics>('store', { action: 'metrics', from, to }, 'demo-admin')

describe('store.metrics', () => {
  it('reports a month worked out by hand', async () => {
    await at('2032-02-10T10:00:00')
    await c.data('member', { action: 'login' }, 'm-old') // before the period: counted as a member, not new
    await at('2032-03-05T10:00:00')
    await c.data('member', { action: 'login' }, 'm-a') // +100
    await c.data('checkin', { action: 'checkIn' }, 'm-a') // +5
    await buy('m-a', 'mo-1', 1000) // +1000, first +50, reaches silver +100
    await at('2032-03-06T10:00:00')
    await c.data('checkin', { action: 'checkIn' }, 'm-a') // +5
    await buy('m-a', 'mo-2', 100) // silver 1.2 → +120
    await at('2032-03-07T10:00:00')
    await c.data('member', { action: 'login' }, 'm-b') // +100
    await buy('m-b', 'mo-3', 300) // +300, first +50
    await c.data('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'mr-1' }, 'm-b') // -200
    await at('2032-03-08T10:00:00')
    await c.data('checkin', { action: 'checkIn' }, 'm-old') // +5
    await at('2032-03-10T03:00:00')
    await c.trigger('expiry') // the 3 demo shoppers' 100 sign-up points from 2026 expire
    await at('2032-04-02T10:00:00')
    await c.data('member', { action: 'login' }, 'm-c') // after the period
    await c.data('checkin', { action: 'checkIn' }, 'm-a')

    const m = await metrics('2032-03-01', '2032-03-31')
    const issued = 100 + 5 + 1000 + 50 + 100 + 5 + 120 + 100 + 300 + 50 + 5
    expect(m).toEqual({
      from: '2032-03-01',
      to: '2032-03-31',
      members: 6, // 3 demo shoppers, m-old, m-a, m-b
      newMembers: 2,
      activeMembers: 3, // m-a, m-b, m-old did something themselves
      pointsIssued: issued,
      pointsRedeemed: 200,
      pointsExpired: 300,
      burnRate: Math.round((200 / issued) * 10_000) / 10_000,
      checkInParticipation: Math.round((2 / 6) * 10_000) / 10_000,
      tierDistribution: { normal: 5, silver: 1, gold: 0, diamond: 0 },
      promotions: { silver: 1, gold: 0, diamond: 0 },
      repurchaseRate: 0.5,
      buyers: 2,
      repeatBuyers: 1,
      earners: 3,
      earnedShare: 0.5,
      trend: expect.any(Array),
      tierNames: { normal: '普通会员', silver: '银卡', gold: '金卡', diamond: '钻石卡' },
      givenAway: { tierDiscountFen: 0, voucherOffFen: 0, pointsCashFen: 0, totalFen: 0 },
    })
    expect(issued).toBe(1835)
    // the daily trend adds up to the month's figures
    const total = (k: 'issued' | 'redeemed' | 'expired') => m.trend.reduce((s, d) => s + d[k], 0)
    expect([m.trend.length, total('issued'), total('redeemed'), total('expired')]).toEqual([31, m.pointsIssued, m.pointsRedeemed, m.pointsExpired])
  })

  it('counts a single day by the merchant day and an empty period as zeros', async () => {
    const day = await metrics('2032-03-06', '2032-03-06')
    expect(day).toMatchObject({ newMembers: 0, activeMembers: 1, pointsIssued: 125, repurchaseRate: 0, buyers: 1 })
    const empty = await metrics('2031-01-01', '2031-01-31')
    expect(empty).toMatchObject({ members: 3, newMembers: 0, pointsIssued: 0, burnRate: 0, checkInParticipation: 0 })
  })

  it('refuses a reversed or malformed period and non-admins', async () => {
    expect(await c.call('store', { action: 'metrics', from: '2032-03-31', to: '2032-03-01' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await c.call('store', { action: 'metrics', from: '2032-13-01', to: '2032-03-01' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await c.call('store', { action: 'metrics', from: '2032-03-01' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await c.call('store', { action: 'metrics', from: '2032-03-01', to: '2032-03-31' }, 'demo-staff')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.call('store', { action: 'metrics', from: '2032-03-01', to: '2032-03-31' }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})

const current = async () => (await c.data<{ rules: Rules }>('store', { action: 'rules' }, 'demo-admin')).rules
// every instance keeps the rules a few seconds; a merchant's next purchase comes later than that
const later = async (minutes: number) => c.setClock(new Date(Date.parse('2032-05-01T02:00:00Z') + minutes * 60_000).toISOString())

describe('store.rules', () => {
  const withRate = (rate: number): Rules => ({ ...DEFAULT_RULES, tiers: DEFAULT_RULES.tiers.map((t, i) => (i === 0 ? { ...t, rate } : t)) })

  it('reads the defaults until the merchant saves their own', async () => {
    expect(await current()).toEqual(DEFAULT_RULES)
  })

  it('applies a changed earn rate to the next purchase', async () => {
    await later(0)
    await c.data('member', { action: 'login' }, 'm-rate')
    expect(await buy('m-rate', 'rate-1', 100)).toMatchObject({ awarded: 150 })
    expect((await c.data<{ rules: Rules }>('store', { action: 'rules', rules: withRate(2) }, 'demo-admin')).rules.tiers[0]?.rate).toBe(2)
    await later(1)
    expect(await buy('m-rate', 'rate-2', 100)).toMatchObject({ awarded: 200 })
  })

  it('refuses an invalid rules document whole and keeps the old one', async () => {
    const bad: unknown[] = [
      withRate(-1),
      { ...DEFAULT_RULES, tiers: [...DEFAULT_RULES.tiers].reverse() },
      { ...DEFAULT_RULES, bogus: true },
      { ...DEFAULT_RULES, signup: 1e20 },
      { ...DEFAULT_RULES, lottery: { cost: 100, prizes: [{ id: 'x', name: '不存在', weight: 1, itemId: 'no-such-item' }] } },
      {
        ...DEFAULT_RULES,
        lottery: {
          cost: 100,
          prizes: [
            { id: 'x', name: 'A', weight: 1 },
            { id: 'x', name: 'B', weight: 1 },
          ],
        },
      },
      { ...DEFAULT_RULES, timeZone: 'Mars/Olympus' },
    ]
    for (const rules of bad)
      expect(await c.call('store', { action: 'rules', rules }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await current()).toEqual(withRate(2))
    await later(2)
    expect(await buy('m-rate', 'rate-3', 100)).toMatchObject({ awarded: 200 })
  })

  it('refuses rules that break the economy, saying which rule and why in plain Chinese', async () => {
    const freeTap = { ...DEFAULT_RULES, lottery: { cost: 0, prizes: [{ id: 'p', name: '50 积分', weight: 1, points: 50 }] } }
    expect(await c.call('store', { action: 'rules', rules: freeTap }, 'demo-admin')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '规则不正确：抽奖，有积分或商品奖品时，每次抽奖至少消耗 1 积分', field: 'rules.lottery' },
    })
    const zeroRate = withRate(0)
    const answer = await c.call('store', { action: 'rules', rules: zeroRate }, 'demo-admin')
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('会员等级（第 1 个），每元积分倍率至少 0.1') },
    })
    expect(answer.ok ? '' : answer.error.message).not.toMatch(/[A-Za-z]/)
    expect(await current()).toEqual(withRate(2))
  })

  it('names the rule a refusal is about by its path, so the form shows the reason beside that field', async () => {
    const tooMany = { ...DEFAULT_RULES, checkIn: { ...DEFAULT_RULES.checkIn, daily: 20_000 } }
    expect(await c.call('store', { action: 'rules', rules: tooMany }, 'demo-admin')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '规则不正确：签到奖励，单项积分最多 10000', field: 'rules.checkIn.daily' },
    })
    const missingItem = {
      ...DEFAULT_RULES,
      lottery: {
        cost: 100,
        prizes: [
          { id: 'n', name: '谢谢', weight: 5 },
          { id: 'x', name: '不存在', weight: 1, itemId: 'no-such-item' },
        ],
      },
    }
    expect(await c.call('store', { action: 'rules', rules: missingItem }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'rules.lottery.prizes.1.itemId' },
    })
    expect(await current()).toEqual(withRate(2))
  })

  it('lets only the merchant admin read or change the rules', async () => {
    for (const who of ['demo-staff', 'demo-shopper-1']) {
      expect(await c.call('store', { action: 'rules' }, who)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
      expect(await c.call('store', { action: 'rules', rules: withRate(5) }, who)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    }
    expect(await current()).toEqual(withRate(2))
  })
})

describe('a tier members hold', () => {
  const withoutTier = (r: Rules, id: string): Rules => ({ ...r, tiers: r.tiers.filter((t) => t.id !== id) })
  const renamed = (r: Rules, id: string, to: string): Rules => ({ ...r, tiers: r.tiers.map((t) => (t.id === id ? { ...t, id: to } : t)) })

  it('cannot leave the rules: the save is refused, naming the tier and how many hold it, and nothing changes', async () => {
    await later(20)
    await c.data('member', { action: 'login' }, 'm-silver')
    await buy('m-silver', 'tier-s', 1000)
    const before = await current()
    const holders = (await c.docs('members', { tier: 'silver' })).length
    expect(holders).toBeGreaterThan(0)
    const refused = await c.call('store', { action: 'rules', rules: withoutTier(before, 'silver') }, 'demo-admin')
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining(`还有 ${holders} 位会员是「银卡」`) },
    })
    expect(await c.call('store', { action: 'rules', rules: renamed(before, 'silver', 'silver-card') }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await current()).toEqual(before)
  })

  it('renamed straight in the database, lets its members check in and buy, and pays no tier bonus twice', async () => {
    await c.data('member', { action: 'login' }, 'm-gold')
    await buy('m-gold', 'tier-g', 5000)
    await c.put('settings', { _id: 'rules', ...renamed(await current(), 'gold', 'gold-card') })
    await later(30)
    expect(await c.call('checkin', { action: 'checkIn' }, 'm-gold')).toMatchObject({ ok: true, data: { awarded: 5 } })
    expect(await buy('m-gold', 'tier-g2', 100)).toMatchObject({ awarded: 150 })
    const bonuses = await c.docs('ledger', { openid: 'm-gold', kind: 'tier' })
    expect(bonuses.map((e) => e._id).sort()).toEqual(['tier:m-gold:gold', 'tier:m-gold:silver'])
    expect(await c.data('member', { action: 'summary' }, 'm-gold')).toMatchObject({ tier: { id: 'gold-card', name: '金卡' } })
  })
})

describe('rules stored before a bound existed', () => {
  it('are set aside for the defaults, and the owner reads why', async () => {
    // written straight into the database, as a document saved under looser bounds would be
    await c.put('settings', { _id: 'rules', ...DEFAULT_RULES, cash: { pointsPerYuan: 100, maxPercent: 60 } })
    const read = await c.data<{ rules: Rules; storedProblem: string | null }>('store', { action: 'rules' }, 'demo-admin')
    expect(read.rules).toEqual(DEFAULT_RULES)
    expect(read.storedProblem).toBe('规则不正确：积分抵现，积分抵现最多抵付 50%')
    await c.data('store', { action: 'rules', rules: DEFAULT_RULES }, 'demo-admin')
    expect(await c.data('store', { action: 'rules' }, 'demo-admin')).toEqual({ rules: DEFAULT_RULES, storedProblem: null })
  })
})
