import { describe, expect, it } from 'vitest'
import { drawBlock, drawResultText, landingCell, oddsText, ringCells, spinPath, stepDelay } from './lottery'

const prizes = [
  { id: 'none', name: '谢谢参与', odds: 0.6 },
  { id: 'points_50', name: '50 积分', odds: 0.3 },
  { id: 'points_200', name: '200 积分', odds: 0.09 },
  { id: 'coffee', name: '中杯咖啡', odds: 0.01 },
]
const lottery = { cost: 100, prizes, open: true, drawsLeftToday: null }
const loss = { id: 'none', name: '谢谢参与', points: 0, voucher: null }

describe('the lottery grid', () => {
  it('fills the eight cells round the button, each with its prize odds', () => {
    const cells = ringCells(prizes)
    expect(cells.map((c) => c.prizeId)).toEqual(['none', 'points_50', 'points_200', 'coffee', 'none', 'points_50', 'points_200', 'coffee'])
    expect(cells[3]).toMatchObject({ name: '中杯咖啡', odds: '1%' })
    expect(ringCells([])).toEqual([])
  })

  it('writes odds as percentages', () => {
    expect(oddsText(0.6)).toBe('60%')
    expect(oddsText(0.0125)).toBe('1.25%')
    expect(oddsText(0.0001)).toBe('0.01%')
  })

  it('lands on a cell holding the prize the server drew', () => {
    const cells = ringCells(prizes)
    expect(landingCell(cells, 'coffee', () => 1)).toBe(7)
    expect(landingCell(cells, 'coffee', () => 0)).toBe(3)
    expect(landingCell(cells, 'not-on-the-grid', () => 0)).toBe(0)
  })

  it('goes round whole laps and stops on the target', () => {
    const path = spinPath(6, 2, 2)
    expect(path).toHaveLength(20)
    expect(path.slice(0, 3)).toEqual([7, 0, 1])
    expect(path.at(-1)).toBe(2)
    // landing where it stands still goes round once more
    expect(spinPath(3, 3, 1).at(-1)).toBe(3)
    expect(stepDelay(0, 20)).toBeLessThan(stepDelay(19, 20))
  })

  it('says 未中奖 on a loss, never the loss prize', () => {
    expect(drawResultText(loss)).toBe('未中奖，下次好运')
    expect(drawResultText({ id: 'points_50', name: '50 积分', points: 50, voucher: null })).toBe('抽中：50 积分')
  })

  it('says why the draw is off', () => {
    expect(drawBlock(lottery, 500)).toBeNull()
    expect(drawBlock(lottery, 40)).toBe('还差 60 积分才能抽奖')
    expect(drawBlock({ ...lottery, drawsLeftToday: 0 }, 500)).toBe('今天的抽奖次数已用完，明天再来吧')
    expect(drawBlock({ ...lottery, open: false }, 500)).toBe('抽奖活动未开放')
  })
})
