/**
 * Refunding a claimed purchase, in full or in parts: each part takes back its share of what the order earned
 * (what was already spent becomes debt), gives back its share of the points paid as cash with their expiry,
 * lowers the spend toward tiers, and takes away a tier (and its bonus) that only the refunded part reached.
 */
import { lotsBetween } from './lots'
import { Posting, type LedgerEntry, type Member, type PurchaseDoc } from './member'
import { refunded } from './purchase-status'
import { Refusal } from './refusal'
import type { Rules } from './rules'
import { rankOf, tierById, tierReached } from './tiers'

export interface RefundAnswer {
  /** Points taken back, the part that became debt included. */
  clawedBack: number
  /** Points paid as cash that came back. */
  returnedPoints: number
  balance: number
}

export interface RefundOutcome {
  /** Null when the shopper has deleted the account: the money moves, no points do. */
  member: Member | null
  entries: LedgerEntry[]
  purchase: PurchaseDoc
  answer: RefundAnswer
}

const yuan = (fen: number): string => (fen / 100).toFixed(2)

/** The share of `total` that `fen` of `payFen` refunded stands for, rounded down; all of it once everything is refunded. */
const shareOf = (total: number, fen: number, payFen: number): number => (payFen === 0 ? 0 : Math.floor((total * fen) / payFen))

export function refundPurchase(member: Member | null, purchase: PurchaseDoc, refundId: string, amountFen: number, rules: Rules, now: Date): RefundOutcome {
  const claim = purchase.claim
  if (!claim) throw new Refusal('NOT_FOUND', '这笔订单没有结账记录，无法退款')
  const status = refunded(purchase, amountFen, claim.payFen, now)
  const before = purchase.refundedFen ?? 0
  const after = before + amountFen
  const step = (total: number) => shareOf(total, after, claim.payFen) - shareOf(total, before, claim.payFen)
  const next: PurchaseDoc = { ...purchase, status, refundedFen: after }
  if (!member) return { member: null, entries: [], purchase: next, answer: { clawedBack: 0, returnedPoints: 0, balance: 0 } }

  const p = new Posting(member, rules, now)
  const m = p.member
  const id = `refund:${purchase.orderId}:${refundId}`
  const cashBack = lotsBetween(claim.cashLots, shareOf(claim.deductedPoints, before, claim.payFen), shareOf(claim.deductedPoints, after, claim.payFen))
  // points given back first, so what is taken back comes from them before anything becomes debt
  const returnedPoints = p.restore(`${id}:cash`, (n) => `订单 ${purchase.orderId} 退款 ${yuan(amountFen)} 元，退回抵扣的 ${n} 积分`, cashBack)
  const earned = step(claim.earned)
  p.clawBack(`${id}:claw`, `订单 ${purchase.orderId} 退款 ${yuan(amountFen)} 元，收回消费获得的 ${earned} 积分`, earned)
  m.totalSpentFen = Math.max(0, m.totalSpentFen - step(claim.spentFen))
  // a fully refunded order no longer counts as a purchase
  if (status === 'refunded') m.purchases = Math.max(0, m.purchases - 1)
  const lost = loseTiers(p, next, rules, id)
  next.lostTiers = [...(purchase.lostTiers ?? []), ...lost.map((t) => t.id)]
  const clawedBack = earned + lost.reduce((s, t) => s + t.bonus, 0)
  return { ...p.done({ clawedBack, returnedPoints, balance: m.balance }), purchase: next }
}

/**
 * The tiers this purchase reached that spend and points no longer reach lose their bonus, as long as the member holds
 * one of them (a tier reached since by other means stays); judged again after each bonus taken, which lowers the points.
 */
function loseTiers(p: Posting, purchase: PurchaseDoc, rules: Rules, id: string): { id: string; bonus: number }[] {
  const m = p.member
  const claim = purchase.claim!
  const kept = claim.promoted.filter((t) => !(purchase.lostTiers ?? []).includes(t.id))
  const lost: { id: string; bonus: number }[] = []
  for (;;) {
    const holds = kept.some((t) => t.id === m.tier)
    const floor = Math.max(rankOf(rules, tierReached(rules, m.totalSpentFen, m.lifetimePoints).id), rankOf(rules, claim.tierBefore))
    const going = holds ? kept.filter((t) => rankOf(rules, t.id) > floor && !lost.includes(t)) : []
    if (going.length === 0) return lost
    m.tier = rules.tiers[floor]!.id
    for (const t of going) {
      lost.push(t)
      m.tierLosses = { ...m.tierLosses, [t.id]: (m.tierLosses?.[t.id] ?? 0) + 1 }
      p.clawBack(`${id}:tier:${t.id}`, `退款后不再满足${tierById(rules, t.id).name}条件，收回升级奖励 ${t.bonus} 积分`, t.bonus)
    }
  }
}
