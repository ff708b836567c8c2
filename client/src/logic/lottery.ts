// The 九宫格 lottery as the page draws it: eight cells round the draw button, the highlight's path, what a draw says.
import type { DataFor } from '../services/api'

type LotteryData = DataFor<'exchange', 'lottery'>
type DrawnPrize = DataFor<'exchange', 'draw'>['prize']

export interface PrizeCell {
  key: string
  prizeId: string
  name: string
  odds: string
}

/** Cells round the centre of a 3×3 grid. */
export const RING = 8
/** Grid slots (0..8, left to right, top to bottom) in the order the highlight goes round; slot 4 is the button. */
export const RING_SLOTS = [0, 1, 2, 5, 8, 7, 6, 3] as const

/** A prize's odds as a percentage: 0.6 → 60%, 0.0125 → 1.25%. */
export function oddsText(odds: number): string {
  return `${Number((odds * 100).toFixed(2))}%`
}

/** The ring's eight cells, the prizes repeated in turn when there are fewer than eight (each cell says its prize's odds). */
export function ringCells(prizes: LotteryData['prizes']): PrizeCell[] {
  if (prizes.length === 0) return []
  return Array.from({ length: RING }, (_, i) => {
    const p = prizes[i % prizes.length]!
    return { key: `${p.id}-${i}`, prizeId: p.id, name: p.name, odds: oddsText(p.odds) }
  })
}

/** A prize that gives nothing. */
export const isLoss = (prize: Pick<DrawnPrize, 'points' | 'voucher'>): boolean => !prize.points && !prize.voucher

/** The cell the highlight stops on: one of those holding the server's prize (`pick` chooses among them), else the first. */
export function landingCell(cells: PrizeCell[], prizeId: string, pick: (n: number) => number): number {
  const matches = cells.flatMap((c, i) => (c.prizeId === prizeId ? [i] : []))
  return matches.length ? matches[pick(matches.length)]! : 0
}

/** The highlight's stops from `from`: `laps` full rounds, then on to `target`. */
export function spinPath(from: number, target: number, laps = 2): number[] {
  const steps = laps * RING + ((target - from + RING) % RING || RING)
  return Array.from({ length: steps }, (_, i) => (from + i + 1) % RING)
}

/** Milliseconds before stop `i` of `total`: quick at first, slowing into the landing. */
export function stepDelay(i: number, total: number): number {
  const left = total - i
  return left > 6 ? 60 : 60 + (7 - left) * 45
}

/** What a draw says: 未中奖 on a loss, never "抽中：谢谢参与". */
export function drawResultText(prize: DrawnPrize): string {
  if (isLoss(prize)) return '未中奖，下次好运'
  return prize.voucher ? `抽中：${prize.name}，券已放入我的券` : `抽中：${prize.name}`
}

/** Why the draw button is off, in the shopper's words; null when they may draw. */
export function drawBlock(lottery: LotteryData, balance: number): string | null {
  if (!lottery.open) return '抽奖活动未开放'
  if (lottery.drawsLeftToday === 0) return '今天的抽奖次数已用完，明天再来吧'
  if (balance < lottery.cost) return `还差 ${lottery.cost - balance} 积分才能抽奖`
  return null
}
