/** A purchase's life: open → claimed → partlyRefunded → refunded; open → expired. Each step refuses from the wrong state. */
import { Refusal } from './refusal'

export type PurchaseStatus = 'open' | 'claimed' | 'partlyRefunded' | 'refunded' | 'expired'

export interface PurchaseState {
  /** Absent on codes issued before refunds existed: the claim decides. */
  status?: PurchaseStatus
  claimedBy: string | null
  expiresAt: Date
  refundedFen?: number
}

/** The status as of `now`: an open code past its expiry is expired without anyone writing it. */
export function statusOf(p: PurchaseState, now: Date): PurchaseStatus {
  const stored = p.status ?? (p.claimedBy !== null ? 'claimed' : 'open')
  return stored === 'open' && p.expiresAt.getTime() < now.getTime() ? 'expired' : stored
}

/** Claiming: only an open code. */
export function claimed(p: PurchaseState, now: Date): 'claimed' {
  const status = statusOf(p, now)
  if (status === 'expired') throw new Refusal('EXPIRED', '积分码已过期，请让店员重新生成')
  if (status !== 'open') throw new Refusal('ALREADY_DONE', '这笔消费的积分已经领取过了')
  return 'claimed'
}

/** Refunding `amountFen` more of `payFen`: only a claimed purchase, never past what was paid. */
export function refunded(p: PurchaseState, amountFen: number, payFen: number, now: Date): 'partlyRefunded' | 'refunded' {
  const status = statusOf(p, now)
  if (status === 'open' || status === 'expired') throw new Refusal('NOT_FOUND', '这笔订单还没有结账，无需退款')
  if (status === 'refunded') throw new Refusal('ALREADY_DONE', '这笔订单已经全额退款了')
  const left = payFen - (p.refundedFen ?? 0)
  if (amountFen > left) throw new Refusal('LIMIT_REACHED', `退款超过实付金额：最多还能退 ${(left / 100).toFixed(2)} 元`)
  return amountFen === left ? 'refunded' : 'partlyRefunded'
}
