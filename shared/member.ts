/**
 * The member document and the pure operations on it: each takes a member, the rules and `now`,
 * and returns the new member, the ledger entries to create with it, and the answer.
 */
import type { Role, Summary, Voucher, VoucherStatus, ItemKind, Purchase, OrderLine } from './api'
import { billFor } from './bill'
import { yuan } from './money'
import { campaignGains, campaignsAt, campaignsToday, firstOrderCampaign, portionsOf, type CampaignGain } from './campaigns'
import { dayOf, monthNumberOf, monthOf } from './calendar'
import { redeemRefusal } from './catalog'
import { displayOf, tierDiscountText } from './display'
import { countOf, withCount } from './keys'
import { addToLots, expireLots, expiryMonthFor, lotsTotal, nextExpiryOf, takeFromLots, type Lot } from './lots'
import { pointsForPayment } from './purchase'
import { claimed, statusOf, type PurchaseStatus } from './purchase-status'
import { Refusal } from './refusal'
import type { Rules } from './rules'
import { continueStreak, currentStreak, streakBonus, type Streak } from './streak'
import { nextTier, tierHeld, tiersCrossed } from './tiers'
import { recordMonth, standingAt, tierNoticeAt, type MonthRecord } from './tier-policy'
import { referralRewards, type Referral } from './referral'
import { requireUsable, usedOn } from './voucher-use'
import { valueText, voucherMultiplier, type VoucherValue } from './voucher-value'

export interface Member {
  /** The shopper's OPENID. */
  _id: string
  nickname: string
  birthday: string | null
  /** 1..12, indexed so birthday benefits find their members. */
  birthdayMonth: number | null
  address: string | null
  balance: number
  /** Every point ever earned (never reduced by spending or expiry): one way to reach a tier. */
  lifetimePoints: number
  totalSpentFen: number
  purchases: number
  tier: string
  streak: Streak
  profileAwarded: { birthday: boolean; address: boolean }
  /** Open points by expiry month, soonest first; their sum is the balance. */
  lots: Lot[]
  /** When the soonest lot expires, indexed for the daily expiry job. */
  nextExpiryAt: Date | null
  /** Vouchers held per item, for `perMemberLimit`. */
  redeemed: Record<string, number>
  /** Messages the shopper consented to, per kind (one consent = one message). */
  subscriptions: Record<string, number>
  /** Number of ledger entries so far: each entry's `seq`, so the ledger pages in order even within one instant. */
  seq: number
  /** Refunded points that had already been spent: later earnings settle it first (absent: none). */
  pointsDebt?: number
  /** The shopper's one live 会员码: a new one voids the old. */
  memberCode?: string | null
  /** Times each tier was lost to a refund, so reaching it again pays (and records) its bonus anew. */
  tierLosses?: Record<string, number>
  createdAt: Date
  updatedAt: Date
  /** A first purchase was claimed, in this life or an earlier one of this WeChat user: its bonus is never paid again. */
  firstPurchasePaid?: boolean
  /** Keyed hash of the birthday set in an earlier life: only that date may be set again. */
  birthdayMark?: string | null
  /** The share that brought this member in (set once, on first opening it): its sharer is the inviter. */
  invitedBy?: string | null
  /** 8 digits, unique (claimed as `memberNos/<digits>`): what the owner searches and the 会员码 page shows. */
  memberNo?: string
  /** Frozen by the owner: neither earns nor spends until unfrozen. */
  frozen?: boolean
  frozenReason?: string | null
  /** When the quiet spell began (joining or the last purchase), until a win-back voucher is given for it (then null); indexed. */
  quietSince?: Date | null
  /** Spend and earned points per merchant month, for tiers judged on a rolling window (absent before it was kept). */
  recent?: MonthRecord[]
  /** Set once, in the transaction that starts a deletion: the id the books keep instead of the OPENID. */
  deleting?: { anon: string; since: Date }
}

export type LedgerKind =
  | 'signup'
  | 'profile'
  | 'checkin'
  | 'purchase'
  | 'cash'
  | 'first'
  | 'tier'
  | 'redeem'
  | 'refund'
  | 'clawback'
  | 'expire'
  | 'share'
  | 'draw'
  | 'birthday'
  | 'adjust'
  | 'campaign'
  | 'referral'

export interface LedgerEntry {
  /** Derived from the cause, so creating it twice fails: the idempotency guard. */
  _id: string
  openid: string
  delta: number
  /** A sentence the shopper understands. */
  reason: string
  kind: LedgerKind
  at: Date
  balanceAfter: number
  /** Position in the member's ledger (1, 2, ...), newest highest. */
  seq: number
  /** Check-in day, for the calendar. */
  day?: string
  /** Points of this credit that went to the member's debt instead of the balance. */
  debtSettled?: number
  /** Points this clawback could not take (already spent) and added to the debt. */
  debtAdded?: number
}

export interface Outcome<T> {
  member: Member
  entries: LedgerEntry[]
  answer: T
}

export interface Item {
  _id: string
  name: string
  kind: ItemKind
  points: number
  stock: number
  validDays: number
  perMemberLimit?: number | null
  active: boolean
  /** What its vouchers take off at the till (absent: fulfilled by staff). */
  value?: VoucherValue
  /** Cloud file ID of the picture. */
  image?: string
  description?: string
  /** The lowest tier that may redeem it. */
  minTier?: string
  /** A sale window (秒杀): outside it the item is neither shown nor redeemable. */
  saleStart?: string
  saleEnd?: string
}

export interface VoucherDoc {
  _id: string
  openid: string
  itemId: string
  name: string
  kind: ItemKind
  points: number
  status: VoucherStatus
  requestId: string
  createdAt: Date
  expiresAt: Date
  updatedAt: Date
  handledBy?: string
  rejectReason?: string
  value?: VoucherValue
  /** The order it was used on, and when (a full refund gives back the validity it had left). */
  orderId?: string
  usedAt?: Date
}

export interface PurchaseDoc {
  _id: string
  orderId: string
  amountFen: number
  multiplier: number
  issuedBy: string
  createdAt: Date
  expiresAt: Date
  claimedBy: string | null
  claimedAt: Date | null
  /** Absent on codes issued before statuses were stored. */
  status?: Exclude<PurchaseStatus, 'expired'>
  lines?: OrderLine[]
  /** What the claim decided, which refunds undo in proportion. */
  claim?: ClaimRecord
  refundedFen?: number
  /** Tiers this purchase reached and a refund took away again. */
  lostTiers?: string[]
}

/** A tier a purchase reached, with the bonus it paid. */
export interface Promotion {
  id: string
  bonus: number
}

export interface ClaimRecord {
  tierDiscountFen: number
  voucherOffFen: number
  deductedPoints: number
  deductedFen: number
  payFen: number
  /** Every point the claim credited (tier bonuses included). */
  awarded: number
  /** Points the order itself earned (purchase and first-purchase bonus): refunds take them back in proportion. */
  earned: number
  /** Spend it added toward tiers. */
  spentFen: number
  /** It paid the first-purchase bonus. */
  first: boolean
  /** Where its points as cash came from, soonest-expiring first: refunds give them back with that expiry. */
  cashLots: Lot[]
  tierBefore: string
  /** Tiers it reached, with the bonus each paid. */
  promoted: Promotion[]
  member: { nickname: string; tier: string }
  /** The voucher used on it, which a full refund gives back. */
  voucherCode?: string
  /** Points each campaign added (the first-order multiplier included). */
  campaigns?: CampaignGain[]
  /** The referral rewards this first purchase paid, which a full refund takes back from both. */
  referral?: { inviterPoints: number; inviteePoints: number }
}

/**
 * Accumulates credits and debits on a copy of a member: lots, lifetime points, tier and ledger entries move together.
 * It starts by expiring every lot already due at `now`, so no operation can spend or show points the daily job has
 * not reached yet; the entries are the ones the job writes, so whichever stores them first, the other finds nothing.
 */
export class Posting {
  readonly member: Member
  readonly entries: LedgerEntry[] = []
  /** Tiers `promote` moved the member up to, with their bonus. */
  readonly promoted: Promotion[] = []
  /** Points that had expired by `now` and left first. */
  readonly expired: number

  constructor(
    member: Member,
    private readonly rules: Rules,
    private readonly now: Date,
  ) {
    this.member = cloneMember(member)
    // a tier the rules no longer name becomes the one the member reaches, without its bonus
    this.member.tier = tierHeld(rules, this.member).id
    this.expired = this.expireDue()
  }

  /** Adds points that expire with this month's lot; `earned` counts them toward tiers, and settles a refund's debt first. */
  credit(id: string, kind: LedgerKind, reason: string, points: number, earned = true, extra: Partial<LedgerEntry> = {}): void {
    if (points <= 0) return
    if (earned) refuseFrozen(this.member)
    this.add(id, kind, reason, points, earned, earned, extra)
  }

  /** The owner's correction: a credit settles a refund's debt first but is not earned; a debit never takes the balance below zero. */
  adjust(id: string, reason: string, delta: number): void {
    if (delta > 0) return this.add(id, 'adjust', reason, delta, false, true)
    if (-delta > this.member.balance) throw new Refusal('INSUFFICIENT_POINTS', `积分不能扣到 0 以下：当前 ${this.member.balance} 积分`)
    this.take(id, 'adjust', reason, -delta)
  }

  private add(
    id: string,
    kind: LedgerKind,
    reason: string,
    points: number,
    earned: boolean,
    settles: boolean,
    extra: Partial<LedgerEntry> = {},
  ): void {
    const m = this.member
    if (earned) this.record(0, points)
    const settled = settles ? Math.min(points, m.pointsDebt ?? 0) : 0
    if (settled > 0) m.pointsDebt = (m.pointsDebt ?? 0) - settled
    const kept = points - settled
    m.balance += kept
    m.lots = addToLots(m.lots, expiryMonthFor(this.now, this.rules.expiry.months, this.rules.timeZone), kept)
    if (settled === 0) this.entry(id, kind, reason, kept, extra)
    else this.entry(id, kind, `${reason}（其中 ${settled} 积分抵还退款欠下的积分）`, kept, { ...extra, debtSettled: settled })
  }

  /** Takes points, soonest-expiring first; refuses when the balance does not cover them. Answers the lots they came from. */
  debit(id: string, kind: LedgerKind, reason: string, points: number): Lot[] {
    if (points <= 0) return []
    // expiry is not spending: it runs for a frozen member too
    if (kind !== 'expire') refuseFrozen(this.member)
    if (points > this.member.balance) throw new Refusal('INSUFFICIENT_POINTS', `积分不足：需要 ${points}，当前 ${this.member.balance}`)
    return this.take(id, kind, reason, points)
  }

  private take(id: string, kind: LedgerKind, reason: string, points: number): Lot[] {
    const m = this.member
    const { left, taken } = takeFromLots(m.lots, points)
    m.balance -= points
    m.lots = left
    this.entry(id, kind, reason, -points)
    return taken
  }

  /** Takes back earned points, soonest-expiring first; what was already spent becomes debt, so the balance never goes below zero. */
  clawBack(id: string, reason: string, points: number): void {
    if (points <= 0) return
    const m = this.member
    const taken = Math.min(points, m.balance)
    const owed = points - taken
    m.balance -= taken
    m.lots = takeFromLots(m.lots, taken).left
    this.record(0, -points)
    if (owed === 0) return this.entry(id, 'clawback', reason, -taken)
    m.pointsDebt = (m.pointsDebt ?? 0) + owed
    this.entry(id, 'clawback', `${reason}（其中 ${owed} 积分已用掉，记为欠下的积分，以后获得的积分先抵还）`, -taken, { debtAdded: owed })
  }

  /** Gives points back with the expiry they had (not earned); lots already past it stay gone. Answers the points given back. */
  restore(id: string, reason: (points: number) => string, lots: readonly Lot[]): number {
    const open = expireLots(lots, this.now, this.rules.timeZone).open
    const points = lotsTotal(open)
    if (points <= 0) return 0
    const m = this.member
    m.balance += points
    for (const lot of open) m.lots = addToLots(m.lots, lot.expires, lot.points)
    this.entry(id, 'refund', reason(points), points)
    return points
  }

  /** Adds spend toward tiers (negative: a refund takes it back). */
  spend(fen: number): void {
    this.record(fen, 0)
  }

  /** Spend and earned points in the lifetime totals (never below zero) and in this month's record. */
  private record(spentFen: number, points: number): void {
    const m = this.member
    m.totalSpentFen = Math.max(0, m.totalSpentFen + spentFen)
    m.lifetimePoints = Math.max(0, m.lifetimePoints + points)
    m.recent = recordMonth(m.recent, monthOf(this.now, this.rules.timeZone), spentFen, points)
  }

  /** Where the member stands for tiers under the rules' tier policy. */
  get standing() {
    return standingAt(this.member, this.rules, this.now)
  }

  /** Moves the member up to every tier now reached, paying each tier's bonus once (a bonus may reach the next). */
  promote(): void {
    const m = this.member
    const crossedNow = () => tiersCrossed(this.rules, m.tier, this.standing.totalSpentFen, this.standing.lifetimePoints)
    for (let crossed = crossedNow(); crossed.length > 0; crossed = crossedNow()) {
      for (const tier of crossed) {
        m.tier = tier.id
        this.promoted.push({ id: tier.id, bonus: tier.bonus })
        const lost = countOf(m.tierLosses ?? {}, tier.id)
        this.credit(`tier:${m._id}:${tier.id}${lost > 0 ? `:${lost}` : ''}`, 'tier', `升级为${tier.name}，奖励 ${tier.bonus} 积分`, tier.bonus)
      }
    }
  }

  /** Points this posting credited, the part that settled a debt included. */
  get credited(): number {
    return this.entries.reduce((s, e) => s + Math.max(0, e.delta) + (e.debtSettled ?? 0), 0)
  }

  done<T>(answer: T): Outcome<T> {
    this.member.nextExpiryAt = nextExpiryOf(this.member.lots, this.rules.timeZone)
    this.member.updatedAt = this.now
    return { member: this.member, entries: this.entries, answer }
  }

  /** One debit per due expiry month, with the id the daily job uses (`expire:<openid>:<month>`). */
  private expireDue(): number {
    const m = this.member
    const { due } = expireLots(m.lots, this.now, this.rules.timeZone)
    for (const lot of due) this.debit(`expire:${m._id}:${lot.expires}`, 'expire', `${lot.expires} 到期积分失效`, lot.points)
    return lotsTotal(due)
  }

  private entry(id: string, kind: LedgerKind, reason: string, delta: number, extra: Partial<LedgerEntry> = {}): void {
    const m = this.member
    m.seq = (m.seq ?? 0) + 1
    this.entries.push({ ...extra, _id: id, openid: m._id, delta, reason, kind, at: this.now, balanceAfter: m.balance, seq: m.seq })
  }
}

export const FROZEN_MESSAGE = '账户已被商家冻结，暂时不能获得或使用积分，请联系门店处理'

/** A frozen member neither earns nor spends: every credit counted as earned and every spend passes here. */
function refuseFrozen(m: Member): void {
  if (m.frozen) throw new Refusal('PERMISSION_DENIED', FROZEN_MESSAGE)
}

/** A deep copy (the cloud's Node 16 runtime has no structuredClone). */
function cloneMember(m: Member): Member {
  return {
    ...m,
    streak: { ...m.streak },
    profileAwarded: { ...m.profileAwarded },
    lots: m.lots.map((l) => ({ ...l })),
    redeemed: { ...m.redeemed },
    subscriptions: { ...m.subscriptions },
    ...(m.tierLosses ? { tierLosses: { ...m.tierLosses } } : {}),
  }
}

/** A new member with the sign-up bonus. */
export function signUp(openid: string, rules: Rules, now: Date, nickname = '微信用户'): Outcome<null> {
  const blank: Member = {
    _id: openid,
    nickname,
    birthday: null,
    birthdayMonth: null,
    address: null,
    balance: 0,
    lifetimePoints: 0,
    totalSpentFen: 0,
    purchases: 0,
    tier: rules.tiers[0]!.id,
    streak: { count: 0, lastDay: null },
    profileAwarded: { birthday: false, address: false },
    lots: [],
    nextExpiryAt: null,
    redeemed: {},
    subscriptions: {},
    seq: 0,
    quietSince: now,
    createdAt: now,
    updatedAt: now,
  }
  const p = new Posting(blank, rules, now)
  p.credit(`signup:${openid}`, 'signup', `注册会员，奖励 ${rules.signup} 积分`, rules.signup)
  p.promote()
  return p.done(null)
}

export interface ProfileInput {
  nickname?: string
  birthday?: string
  address?: string
}

/**
 * Saves profile fields; birthday and address each pay once in a lifetime; a birthday cannot change once set, not even
 * by deleting the account (`birthdayMark`: the keyed hash of `input.birthday`, compared with the earlier life's).
 */
export function completeProfile(
  member: Member,
  input: ProfileInput,
  rules: Rules,
  now: Date,
  birthdayMark?: string,
): Outcome<{ awarded: number; balance: number }> {
  const p = new Posting(member, rules, now)
  const m = p.member
  if (input.birthday !== undefined) {
    if (input.birthday > dayOf(now, rules.timeZone) || input.birthday < '1900-01-01') throw new Refusal('INVALID_ARGUMENT', '生日日期不正确')
    if (m.birthday !== null && m.birthday !== input.birthday) throw new Refusal('ALREADY_DONE', '生日设置后不能修改')
    if (m.birthday === null && m.birthdayMark && birthdayMark !== m.birthdayMark) throw new Refusal('ALREADY_DONE', '生日设置后不能修改')
    m.birthday = input.birthday
    m.birthdayMonth = monthNumberOf(input.birthday)
    if (!m.profileAwarded.birthday) {
      m.profileAwarded.birthday = true
      p.credit(`profile:${m._id}:birthday`, 'profile', `完善生日信息，奖励 ${rules.profile.birthday} 积分`, rules.profile.birthday)
    }
  }
  if (input.address !== undefined) {
    m.address = input.address
    if (!m.profileAwarded.address) {
      m.profileAwarded.address = true
      p.credit(`profile:${m._id}:address`, 'profile', `完善收货地址，奖励 ${rules.profile.address} 积分`, rules.profile.address)
    }
  }
  if (input.nickname !== undefined) m.nickname = input.nickname
  p.promote()
  return p.done({ awarded: p.credited, balance: p.member.balance })
}

/** Today's check-in: the daily points, plus the streak bonus on every n-th consecutive day, in one entry. */
export function checkIn(
  member: Member,
  rules: Rules,
  now: Date,
): Outcome<{ day: string; streak: number; awarded: number; bonus: number; balance: number }> {
  const day = dayOf(now, rules.timeZone)
  if (member.streak.lastDay !== null && member.streak.lastDay >= day) throw new Refusal('ALREADY_DONE', '今天已经签到过了，明天再来吧')
  const p = new Posting(member, rules, now)
  const streak = continueStreak(member.streak, day)
  p.member.streak = streak
  const bonus = streakBonus(streak.count, rules.checkIn.streakDays, rules.checkIn.streakBonus)
  const reason = bonus > 0 ? `每日签到 +${rules.checkIn.daily}，连续签到 ${streak.count} 天奖励 +${bonus}` : `每日签到 +${rules.checkIn.daily}`
  p.credit(`checkin:${member._id}:${day}`, 'checkin', reason, rules.checkIn.daily + bonus, true, { day })
  p.promote()
  return p.done({ day, streak: streak.count, awarded: rules.checkIn.daily + bonus, bonus, balance: p.member.balance })
}

export interface ClaimAnswer {
  awarded: number
  deductedPoints: number
  payFen: number
  balance: number
  tier: { id: string; name: string; rate: number }
}

/** Points to use as cash: `true` as many as allowed, `false` none, a number at most that many. */
export type PointsChoice = boolean | number

export interface Earnings {
  /** Points on what is paid, at the tier held before the purchase (birthday-month and code multipliers included). */
  points: number
  /** Points each running campaign adds (the first-order multiplier counts as one). */
  campaigns: CampaignGain[]
  /** Points a 积分翻倍卡 adds on top of the points and campaigns. */
  cardPoints: number
  firstBonus: number
  /** This is the member's first purchase ever. */
  first: boolean
  /** Said in the ledger when the birthday month multiplies the points. */
  boosted: string
}

/** The total an earnings record credits for the order itself (tier bonuses aside). */
export const earnedTotal = (e: Earnings): number => e.points + e.campaigns.reduce((s, c) => s + c.points, 0) + e.cardPoints + e.firstBonus

/** What paying `payFen` on this purchase earns this member now (tier bonuses aside); `card`: a 积分翻倍卡's multiplier. */
export function purchaseEarnings(
  member: Member,
  purchase: Pick<PurchaseDoc, 'amountFen' | 'lines' | 'multiplier'>,
  payFen: number,
  rules: Rules,
  now: Date,
  card = 1,
): Earnings {
  const tier = tierHeld(rules, member)
  const birthdayMonth = member.birthdayMonth !== null && member.birthdayMonth === monthNumberOf(`${monthOf(now, rules.timeZone)}-01`)
  // once per WeChat user ever: a full refund takes it back, and it is not paid again
  const first = member.purchases === 0 && !member.firstPurchasePaid
  const pointsOf = (fen: number) => pointsForPayment(fen, tier, purchase.multiplier, birthdayMonth)
  const running = [...campaignsAt(rules, now, tier.id), ...(first && rules.purchase.firstMultiplier > 1 ? [firstOrderCampaign(rules)] : [])]
  const points = pointsOf(payFen)
  const campaigns = campaignGains(portionsOf(purchase.amountFen, payFen, purchase.lines), running, pointsOf)
  return {
    points,
    campaigns,
    cardPoints: (points + campaigns.reduce((s, c) => s + c.points, 0)) * (card - 1),
    firstBonus: first ? rules.purchase.firstBonus : 0,
    first,
    boosted: birthdayMonth && tier.birthdayMultiplier > 1 ? `（生日月 ${tier.birthdayMultiplier} 倍）` : '',
  }
}

/** The sums of a purchase for this member: tier discount, voucher, points as cash, what to pay. */
export function purchaseBill(
  member: Member,
  amountFen: number,
  choice: PointsChoice,
  rules: Rules,
  capPoints: number | null = null,
  voucher: VoucherValue | null = null,
) {
  const pointsToUse = choice === true ? 'all' : choice === false ? 0 : choice
  return billFor({ amountFen, tier: tierHeld(rules, member), voucher, balance: member.balance, pointsToUse, capPoints }, rules)
}

/** What a claim may bring beside the purchase: the voucher the shopper chose (null: a code that names none), the inviter. */
export interface ClaimExtras {
  voucher?: VoucherDoc | null
  referral?: Referral | null
}

/** Ledger entries for the campaigns and the 积分翻倍卡 of a purchase. */
function creditBoosts(p: Posting, purchaseId: string, earnings: Earnings, card: number): void {
  for (const c of earnings.campaigns) p.credit(`purchase:${purchaseId}:campaign:${c.id}`, 'campaign', `${c.name}，多得 ${c.points} 积分`, c.points)
  p.credit(`purchase:${purchaseId}:card`, 'campaign', `积分翻倍卡 ×${card}，多得 ${earnings.cardPoints} 积分`, earnings.cardPoints)
}

/**
 * A purchase claimed by the shopper: points as cash in the contract's order of sums, points on what is paid at the
 * tier held before the purchase, first-purchase bonus, promotions. Answers the claimed purchase too.
 */
export function claimPurchase(
  member: Member,
  purchase: PurchaseDoc,
  choice: PointsChoice,
  rules: Rules,
  now: Date,
  extras: ClaimExtras = {},
): Outcome<ClaimAnswer> & { purchase: PurchaseDoc; voucher: VoucherDoc | null; inviter: Outcome<null> | null } {
  const status = claimed(purchase, now)
  const p = new Posting(member, rules, now)
  const m = p.member
  // Posting holds the member at a tier the rules name (tierHeld), so the claim records one a refund can judge
  const tierBefore = m.tier
  const voucher = extras.voucher === undefined ? null : requireUsable(extras.voucher, m._id, purchase.amountFen, now)
  const card = voucherMultiplier(voucher?.value ?? null)
  const bill = purchaseBill(m, purchase.amountFen, choice, rules, null, voucher?.value ?? null)
  const cashLots = p.debit(`purchase:${purchase._id}:cash`, 'cash', `积分抵扣 ${yuan(bill.deductedFen)} 元`, bill.pointsToUse)
  const earnings = purchaseEarnings(m, purchase, bill.payFen, rules, now, card)
  const spentFen = bill.payFen + bill.deductedFen
  p.spend(spentFen)
  m.purchases += 1
  m.firstPurchasePaid = true
  m.quietSince = now
  p.credit(`purchase:${purchase._id}`, 'purchase', `消费 ${yuan(bill.payFen)} 元获得积分${earnings.boosted}`, earnings.points)
  creditBoosts(p, purchase._id, earnings, card)
  p.credit(`purchase:${purchase._id}:first`, 'first', `首次消费奖励 ${earnings.firstBonus} 积分`, earnings.firstBonus)
  const inviter = earnings.first && extras.referral ? referralRewards(p, extras.referral, rules, now) : null
  p.promote()
  const tier = tierHeld(rules, m)
  const claim: ClaimRecord = {
    tierDiscountFen: bill.tierDiscountFen,
    voucherOffFen: bill.voucherOffFen,
    deductedPoints: bill.pointsToUse,
    deductedFen: bill.deductedFen,
    payFen: bill.payFen,
    awarded: p.credited,
    earned: earnedTotal(earnings),
    spentFen,
    first: earnings.firstBonus > 0,
    cashLots,
    tierBefore,
    promoted: [...p.promoted],
    member: { nickname: m.nickname, tier: tier.name },
    ...(voucher ? { voucherCode: voucher._id } : {}),
    ...(earnings.campaigns.length > 0 ? { campaigns: earnings.campaigns } : {}),
    ...(inviter ? { referral: { ...rules.referral } } : {}),
  }
  const outcome = p.done({
    awarded: claim.awarded,
    deductedPoints: claim.deductedPoints,
    payFen: claim.payFen,
    balance: m.balance,
    tier: { id: tier.id, name: tier.name, rate: tier.rate },
  })
  return {
    ...outcome,
    purchase: { ...purchase, status, claimedBy: m._id, claimedAt: now, claim, refundedFen: 0 },
    voucher: voucher ? usedOn(voucher, purchase.orderId, now) : null,
    inviter,
  }
}

/** Redeeming an item: stock, per-member limit and balance checked; points spent soonest-expiring first. */
export function redeem(
  member: Member,
  item: Item,
  requestId: string,
  code: string,
  rules: Rules,
  now: Date,
): Outcome<{ voucher: VoucherDoc; item: Item; balance: number }> {
  const refusal = redeemRefusal(item, member, rules, now)
  if (refusal) throw refusal
  if (item.stock <= 0) throw new Refusal('OUT_OF_STOCK', '该商品已兑完')
  const held = countOf(member.redeemed, item._id)
  if (item.perMemberLimit && held >= item.perMemberLimit) throw new Refusal('LIMIT_REACHED', `每人限兑 ${item.perMemberLimit} 次`)
  const p = new Posting(member, rules, now)
  p.debit(`redeem:${member._id}:${requestId}`, 'redeem', `兑换「${item.name}」`, item.points)
  p.member.redeemed = withCount(p.member.redeemed, item._id, held + 1)
  const days = item.validDays > 0 ? item.validDays : rules.voucherDays
  const voucher: VoucherDoc = {
    _id: code,
    openid: member._id,
    itemId: item._id,
    name: item.name,
    kind: item.kind,
    points: item.points,
    status: 'pending',
    requestId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
    updatedAt: now,
    ...(item.value ? { value: item.value } : {}),
  }
  return p.done({ voucher, item: { ...item, stock: item.stock - 1 }, balance: p.member.balance })
}

/** Points of a rejected or expired voucher back to its holder (not counted as earned); the item no longer counts toward the limit. */
export function refundVoucher(member: Member, voucher: VoucherDoc, why: string, rules: Rules, now: Date): Outcome<{ balance: number }> {
  const p = new Posting(member, rules, now)
  p.credit(`refund:${voucher._id}`, 'refund', `「${voucher.name}」${why}，退回 ${voucher.points} 积分`, voucher.points, false)
  const held = countOf(p.member.redeemed, voucher.itemId)
  p.member.redeemed = withCount(p.member.redeemed, voucher.itemId, Math.max(0, held - 1))
  return p.done({ balance: p.member.balance })
}

/** Removes the lots that have expired by `now`, one ledger entry per expiry month (the daily job's step; every other operation does it first too). */
export function expirePoints(member: Member, rules: Rules, now: Date): Outcome<{ expired: number }> {
  const p = new Posting(member, rules, now)
  return p.done({ expired: p.expired })
}

/** The member as it stands at `now`, due lots expired, without storing anything: what a read shows. */
export function memberAsOf(member: Member, rules: Rules, now: Date): Member {
  return expirePoints(member, rules, now).member
}

/** What the clerk's screen and the shopper see of a purchase. */
export function purchaseView(p: PurchaseDoc, now: Date): Purchase {
  const c = p.claim
  return {
    orderId: p.orderId,
    status: statusOf(p, now),
    amountFen: p.amountFen,
    tierDiscountFen: c?.tierDiscountFen ?? 0,
    voucherOffFen: c?.voucherOffFen ?? 0,
    deductedPoints: c?.deductedPoints ?? 0,
    payFen: c?.payFen ?? p.amountFen,
    awarded: c?.awarded ?? 0,
    refundedFen: p.refundedFen ?? 0,
    member: c?.member ?? null,
    claimedAt: p.claimedAt ? new Date(p.claimedAt).toISOString() : null,
    expiresAt: new Date(p.expiresAt).toISOString(),
  }
}

export function voucherView(v: VoucherDoc): Voucher {
  return {
    code: v._id,
    itemId: v.itemId,
    name: v.name,
    points: v.points,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    expiresAt: v.expiresAt.toISOString(),
    // a voucher's last change is the one that ended its pending state (fulfil, reject, expiry)
    handledAt: v.status === 'pending' ? null : new Date(v.updatedAt).toISOString(),
    ...(v.value ? { value: v.value, valueText: valueText(v.value) } : {}),
    ...(v.orderId ? { orderId: v.orderId } : {}),
  }
}

/** The shopper's home card: balance, tier progress, streak, soonest expiries, what they can redeem. */
export function summaryOf(stored: Member, rules: Rules, now: Date, items: readonly Item[], role: Role): Summary {
  // computed, not written: a read never conflicts with a purchase or check-in, and the next change stores the same expiry
  const member = memberAsOf(stored, rules, now)
  const tier = tierHeld(rules, member)
  const standing = standingAt(member, rules, now)
  const today = dayOf(now, rules.timeZone)
  return {
    openid: member._id,
    nickname: member.nickname,
    balance: member.balance,
    lifetimePoints: member.lifetimePoints,
    totalSpentFen: member.totalSpentFen,
    tier: { id: tier.id, name: tier.name, rate: tier.rate, discountPercent: tier.discountPercent ?? 0, discountText: tierDiscountText(tier) },
    nextTier: nextTier(rules, member.tier, standing.totalSpentFen, standing.lifetimePoints),
    tierNotice: tierNoticeAt(member, rules, now),
    streak: { count: currentStreak(member.streak, today), checkedInToday: member.streak.lastDay === today },
    expiring: member.lots.slice(0, 3).map((l) => ({ points: l.points, expiresAt: nextExpiryOf([l], rules.timeZone)!.toISOString() })),
    recommendations: recommend(member.balance, items),
    campaigns: campaignsToday(rules, now, tier.id),
    profile: {
      birthday: member.birthday,
      address: member.address,
      birthdayAwarded: member.profileAwarded.birthday,
      addressAwarded: member.profileAwarded.address,
    },
    display: displayOf(rules),
    memberNo: member.memberNo ?? null,
    frozen: member.frozen === true,
    role,
  }
}

/** The dearest item the balance affords, and the cheapest one just out of reach. */
export function recommend(balance: number, items: readonly Item[]): { itemId: string; text: string }[] {
  const open = items.filter((i) => i.active && i.stock > 0).sort((a, b) => a.points - b.points)
  const affordable = open.filter((i) => i.points <= balance).at(-1)
  const nextUp = open.find((i) => i.points > balance)
  const out: { itemId: string; text: string }[] = []
  if (affordable) out.push({ itemId: affordable._id, text: `积分够兑换「${affordable.name}」啦` })
  if (nextUp) out.push({ itemId: nextUp._id, text: `再攒 ${nextUp.points - balance} 积分可兑换「${nextUp.name}」` })
  return out
}

/** The owner's manual correction, with its reason in the member's history; idempotent by `requestId`. */
export function adjustPoints(
  member: Member,
  delta: number,
  reason: string,
  requestId: string,
  rules: Rules,
  now: Date,
): Outcome<{ balance: number }> {
  const p = new Posting(member, rules, now)
  p.adjust(adjustId(member._id, requestId), `商家调整：${reason}`, delta)
  return p.done({ balance: p.member.balance })
}

export const adjustId = (openid: string, requestId: string): string => `adjust:${openid}:${requestId}`
