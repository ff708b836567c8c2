/** The points lottery: which prizes can be won now, a weighted pick from a uniform random source, and the draw's outcome. */
import type { Voucher } from './api'
import { Refusal } from './refusal'
import { Posting, voucherView, type Item, type Member, type Outcome, type VoucherDoc } from './member'
import type { Rules } from './rules'

export type Prize = Rules['lottery']['prizes'][number]

/** A uniform integer in `[0, bound)`. */
export type RandomSource = (bound: number) => number

/** What a draw answers when nothing can be won. */
export const NO_PRIZE: Prize = { id: 'none', name: '谢谢参与', weight: 0 }

const UINT32 = 2 ** 32

/** Web Crypto, with rejection sampling so every integer below `bound` is equally likely. */
export const cryptoRandom: RandomSource = (bound) => {
  if (!Number.isInteger(bound) || bound < 1 || bound > UINT32) throw new RangeError(`bound ${bound}`)
  const limit = UINT32 - (UINT32 % bound)
  const word = new Uint32Array(1)
  for (;;) {
    globalThis.crypto.getRandomValues(word)
    if (word[0]! < limit) return word[0]! % bound
  }
}

export const isNoPrize = (p: Prize): boolean => !p.points && !p.itemId

/** Prizes that can be won now: a positive weight, and an item prize only while its item has stock. */
export function drawablePrizes(prizes: readonly Prize[], stockOf: (itemId: string) => number): Prize[] {
  return prizes.filter((p) => p.weight > 0 && (!p.itemId || stockOf(p.itemId) > 0))
}

/** A prize with probability weight ÷ total; the rules' own "no prize" (or NO_PRIZE) when nothing is drawable. */
export function pickPrize(drawable: readonly Prize[], random: RandomSource, all: readonly Prize[] = drawable): Prize {
  const total = drawable.reduce((s, p) => s + p.weight, 0)
  const fallback = all.find(isNoPrize) ?? NO_PRIZE
  if (total === 0) return fallback
  let r = random(total)
  for (const p of drawable) {
    if (r < p.weight) return p
    r -= p.weight
  }
  return fallback
}

export interface PrizeView {
  id: string
  name: string
  points: number
  voucher: Voucher | null
}

export interface DrawAnswer {
  prize: PrizeView
  balance: number
}

/** Pays the draw's cost, then the prize: points (not counted toward tiers) or a free voucher for the prize's item. */
export function drawOutcome(
  member: Member,
  prize: Prize,
  item: Item | null,
  requestId: string,
  code: string,
  rules: Rules,
  now: Date,
): Outcome<DrawAnswer & { voucher: VoucherDoc | null }> {
  const p = new Posting(member, rules, now)
  const id = `draw:${member._id}:${requestId}`
  p.debit(id, 'draw', `积分抽奖 -${rules.lottery.cost}`, rules.lottery.cost)
  if (prize.points) p.credit(`${id}:prize`, 'draw', `抽奖获得 ${prize.points} 积分`, prize.points, false)
  const voucher = item && prize.itemId ? prizeVoucher(member._id, item, requestId, code, rules, now) : null
  const balance = p.member.balance
  const view: PrizeView = { id: prize.id, name: prize.name, points: prize.points ?? 0, voucher: voucher ? voucherView(voucher) : null }
  return p.done({ prize: view, balance, voucher })
}

/** A won item costs no points, so a rejected or expired one refunds nothing. */
function prizeVoucher(openid: string, item: Item, requestId: string, code: string, rules: Rules, now: Date): VoucherDoc {
  const days = item.validDays > 0 ? item.validDays : rules.voucherDays
  return {
    _id: code,
    openid,
    itemId: `prize_${item._id}`,
    name: `${item.name}（抽奖）`,
    kind: item.kind,
    points: 0,
    status: 'pending',
    requestId: `draw:${requestId}`,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
    updatedAt: now,
    // a 积分翻倍卡 or 免单券 prize is worth at the till what its item is
    ...(item.value ? { value: item.value } : {}),
  }
}

/** The lottery page: the cost, every prize with its odds (a share of 1, to four places), whether it is open today, draws left (null: no limit). */
export interface LotteryView {
  cost: number
  prizes: { id: string; name: string; odds: number }[]
  open: boolean
  drawsLeftToday: number | null
}

/** True on the merchant days of the lottery's window (both ends included; no window: always). */
export function lotteryOpen(rules: Rules, day: string): boolean {
  const { from, to } = rules.lottery
  return (!from || day >= from) && (!to || day <= to)
}

export function lotteryView(rules: Rules, day: string, drawnToday: number): LotteryView {
  const { cost, prizes, perDay } = rules.lottery
  const total = prizes.reduce((s, p) => s + p.weight, 0)
  return {
    cost,
    prizes: prizes.map((p) => ({ id: p.id, name: p.name, odds: total === 0 ? 0 : Math.round((p.weight / total) * 10_000) / 10_000 })),
    open: lotteryOpen(rules, day),
    drawsLeftToday: perDay === undefined ? null : Math.max(0, perDay - drawnToday),
  }
}

/** Why this member may not draw now, or null: outside the lottery's days, or over its draws a day. */
export function drawRefusal(rules: Rules, day: string, drawnToday: number): Refusal | null {
  const { from, to, perDay } = rules.lottery
  if (from && day < from) return new Refusal('LIMIT_REACHED', `抽奖活动 ${from} 开始，到时再来吧`)
  if (to && day > to) return new Refusal('EXPIRED', '抽奖活动已经结束了')
  if (perDay !== undefined && drawnToday >= perDay) return new Refusal('LIMIT_REACHED', `每天最多抽奖 ${perDay} 次，明天再来吧`)
  return null
}
