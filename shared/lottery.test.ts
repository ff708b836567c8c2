import { describe, expect, it } from 'vitest'
import { cryptoRandom, drawablePrizes, drawOutcome, NO_PRIZE, pickPrize, type Prize, type RandomSource } from './lottery'
import { signUp, type Item } from './member'
import { DEFAULT_RULES } from './rules'

/** mulberry32: a small seeded generator, so the odds test is repeatable (never used outside tests). */
function seeded(seed: number): RandomSource {
  let a = seed >>> 0
  return (bound) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const unit = ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
    return Math.floor(unit * bound)
  }
}

const prizes = DEFAULT_RULES.lottery.prizes
const inStock = () => 10

describe('pickPrize', () => {
  it('wins each prize with its weight ÷ total, within 5 standard deviations over 200,000 draws', () => {
    const random = seeded(42)
    const n = 200_000
    const counts = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      const p = pickPrize(drawablePrizes(prizes, inStock), random, prizes)
      counts.set(p.id, (counts.get(p.id) ?? 0) + 1)
    }
    const total = prizes.reduce((s, p) => s + p.weight, 0)
    for (const p of prizes) {
      const q = p.weight / total
      const sd = Math.sqrt(n * q * (1 - q))
      expect(Math.abs((counts.get(p.id) ?? 0) - n * q)).toBeLessThan(5 * sd)
    }
  })

  it('never gives an item prize whose item is out of stock, falling back to the rules’ no-prize', () => {
    const onlyItem: Prize[] = [
      { id: 'none', name: '谢谢参与', weight: 1 },
      { id: 'coffee', name: '咖啡', weight: 1000, itemId: 'coffee' },
    ]
    const random = seeded(7)
    for (let i = 0; i < 1000; i++)
      expect(
        pickPrize(
          drawablePrizes(onlyItem, () => 0),
          random,
          onlyItem,
        ).id,
      ).toBe('none')
    expect(
      pickPrize(
        drawablePrizes([onlyItem[1]!], () => 0),
        random,
        [onlyItem[1]!],
      ),
    ).toEqual(NO_PRIZE)
  })

  it('ignores zero-weight prizes', () => {
    const list: Prize[] = [
      { id: 'a', name: 'A', weight: 0, points: 5 },
      { id: 'b', name: 'B', weight: 3, points: 1 },
    ]
    const random = seeded(1)
    for (let i = 0; i < 100; i++) expect(pickPrize(drawablePrizes(list, inStock), random, list).id).toBe('b')
  })
})

describe('cryptoRandom', () => {
  it('stays inside its bound and reaches every value', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const v = cryptoRandom(7)
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true)
      seen.add(v)
    }
    expect(seen.size).toBe(7)
    expect(() => cryptoRandom(0)).toThrow(RangeError)
  })
})

describe('drawOutcome', () => {
  const now = new Date('2030-05-01T04:00:00Z')
  const member = signUp('u1', { ...DEFAULT_RULES, signup: 300 }, now).member

  it('charges the cost and pays points won in one ledger story', () => {
    const out = drawOutcome(member, { id: 'p', name: '200 积分', weight: 1, points: 200 }, null, 'r1', 'CODE', DEFAULT_RULES, now)
    expect(out.answer.balance).toBe(400)
    expect(out.entries.map((e) => [e._id, e.delta])).toEqual([
      ['draw:u1:r1', -100],
      ['draw:u1:r1:prize', 200],
    ])
    expect(out.member.lifetimePoints).toBe(300)
  })

  it('hands a free voucher for an item prize and refuses without enough points', () => {
    const item: Item = { _id: 'coffee', name: '中杯咖啡', kind: 'goods', points: 500, stock: 3, validDays: 30, active: true }
    const out = drawOutcome(member, { id: 'coffee', name: '咖啡', weight: 1, itemId: 'coffee' }, item, 'r2', 'CODE123', DEFAULT_RULES, now)
    expect(out.answer.prize.voucher).toMatchObject({ code: 'CODE123', points: 0, status: 'pending', name: '中杯咖啡（抽奖）' })
    const poor = signUp('u2', { ...DEFAULT_RULES, signup: 50 }, now).member
    expect(() => drawOutcome(poor, NO_PRIZE, null, 'r3', 'C', DEFAULT_RULES, now)).toThrow(/积分不足/)
  })
})
