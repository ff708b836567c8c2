/**
 * Refunding a claimed purchase, in full or in parts: each part takes back its share of what the order earned
 * (what was already spent becomes debt), gives back its share of the points paid as cash with their expiry,
 * lowers the spend toward tiers, and takes away a tier (and its bonus) that only the refunded part reached.
 */
import { countOf, withCount } from './keys'
import { lotsBetween } from './lots'
import { Posting, type LedgerEntry, type Member, type Outcome, type Promotion, type PurchaseDoc } from './member'
import { refunded } from './purchase-status'
import { referralClawback, type Referral } from './referral'
import { Refusal } from './refusal'
import type { Rules } from './rules'
import { tiersUndone } from './tiers'

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
  /** The inviter's outcome when a full refund takes the referral reward back. */
  inviter: Outcome<null> | null
}

const yuan = (fen: number): string => (fen / 100).toFixed(2)

/** The share of `total` that `fen` of `payFen` refunded stands for, rounded down; all of it once everything is refunded. */
const shareOf = (total: number, fen: number, payFen: number): number => (payFen === 0 ? 0 : Math.floor((total * fen) / payFen))

/** `referral`: the inviter of a first purchase that paid the referral rewards, loaded as a claim loads it. */
export function refundPurchase(
  member: Member | null,
  purchase: PurchaseDoc,
  refundId: string,
  amountFen: number,
  rules: Rules,
  now: Date,
  referral: Referral | null = null,
): RefundOutcome {
  const claim = purchase.claim
  if (!claim) throw new Refusal('NOT_FOUND', '这笔订单没有结账记录，无法退款')
  const status = refunded(purchase, amountFen, claim.payFen, now)
  const before = purchase.refundedFen ?? 0
  const after = before + amountFen
  const step = (total: number) => shareOf(total, after, claim.payFen) - shareOf(total, before, claim.payFen)
  const next: PurchaseDoc = { ...purchase, status, refundedFen: after }
  if (!member) return { member: null, entries: [], purchase: next, answer: { clawedBack: 0, returnedPoints: 0, balance: 0 }, inviter: null }

  const p = new Posting(member, rules, now)
  const m = p.member
  const id = `refund:${purchase.orderId}:${refundId}`
  const cashBack = lotsBetween(
    claim.cashLots,
    shareOf(claim.deductedPoints, before, claim.payFen),
    shareOf(claim.deductedPoints, after, claim.payFen),
  )
  // points given back first, so what is taken back comes from them before anything becomes debt
  const returnedPoints = p.restore(`${id}:cash`, (n) => `订单 ${purchase.orderId} 退款 ${yuan(amountFen)} 元，退回抵扣的 ${n} 积分`, cashBack)
  const earned = step(claim.earned)
  p.clawBack(`${id}:claw`, `订单 ${purchase.orderId} 退款 ${yuan(amountFen)} 元，收回消费获得的 ${earned} 积分`, earned)
  p.spend(-step(claim.spentFen))
  // a fully refunded order no longer counts as a purchase
  if (status === 'refunded') m.purchases = Math.max(0, m.purchases - 1)
  const paid = status === 'refunded' ? claim.referral : undefined
  const inviter = paid ? referralClawback(p, paid, referral, purchase.orderId, rules, now) : null
  const lost = loseTiers(p, next, rules, id)
  next.lostTiers = [...(purchase.lostTiers ?? []), ...lost.map((t) => t.id)]
  const clawedBack = earned + (paid?.inviteePoints ?? 0) + lost.reduce((s, t) => s + t.bonus, 0)
  return { ...p.done({ clawedBack, returnedPoints, balance: m.balance }), purchase: next, inviter }
}

/** Takes away the tiers only this purchase reached, and the bonus each paid; judged again after each bonus taken, which lowers the points. */
function loseTiers(p: Posting, purchase: PurchaseDoc, rules: Rules, id: string): Promotion[] {
  const m = p.member
  const claim = purchase.claim!
  const lost: Promotion[] = []
  for (;;) {
    const kept = claim.promoted.filter((t) => !(purchase.lostTiers ?? []).includes(t.id) && !lost.includes(t))
    const undone = tiersUndone(
      rules,
      p.standing,
      claim.tierBefore,
      kept.map((t) => t.id),
    )
    if (undone.lost.length === 0) return lost
    m.tier = undone.tier.id
    for (const tier of undone.lost) {
      const paid = kept.find((t) => t.id === tier.id)!
      lost.push(paid)
      m.tierLosses = withCount(m.tierLosses ?? {}, tier.id, countOf(m.tierLosses ?? {}, tier.id) + 1)
      p.clawBack(`${id}:tier:${tier.id}`, `退款后不再满足${tier.name}条件，收回升级奖励 ${paid.bonus} 积分`, paid.bonus)
    }
  }
}
