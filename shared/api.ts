/** The product contract's types (API.md): envelope, error codes, summary, voucher, each action's data. */
import type { ArgsOf } from './schemas'
import type { DrawAnswer, LotteryView } from './lottery'
import type { Metrics } from './metrics'
import type { Rules } from './rules'
import type { PurchaseStatus } from './purchase-status'
import type { Bill } from './bill'
import type { CampaignGain } from './campaigns'
import type { UsableVoucher } from './voucher-use'
import type { VoucherValue } from './voucher-value'
import type { Display } from './display'
import type { TierNotice } from './tier-policy'
import type { auditKinds, subscriptionKinds, itemKinds, voucherStatuses, staffRoles } from './schemas'

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'ALREADY_DONE',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'EXPIRED',
  'CONFLICT',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** `field`: the argument a refusal is about, as a dotted path (`item.points`, `rules.tiers.1.rate`), for a form to place `message` beside it. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } }

export type ItemKind = (typeof itemKinds)[number]
export type VoucherStatus = (typeof voucherStatuses)[number]
export type SubscriptionKind = (typeof subscriptionKinds)[number]

export interface Summary {
  openid: string
  nickname: string
  balance: number
  lifetimePoints: number
  totalSpentFen: number
  /** `discountPercent` off every order, and the same in words for the tier card (extra fields; '' when none). */
  tier: { id: string; name: string; rate: number; discountPercent?: number; discountText?: string }
  nextTier: { id: string; name: string; needSpentFen: number; needPoints: number } | null
  streak: { count: number; checkedInToday: boolean }
  expiring: { points: number; expiresAt: string }[]
  recommendations: { itemId: string; text: string }[]
  /** Rolling tiers: in the week before the monthly judgement, the tier it would give and when (extra field; null otherwise). */
  tierNotice?: TierNotice | null
  /** What runs today for this member, e.g. "今天会员日，消费积分×2" (extra field). */
  campaigns: { id: string; name: string; multiplier: number; text: string }[]
  /** Extra fields (the contract allows additions). */
  profile: { birthday: string | null; address: string | null; birthdayAwarded: boolean; addressAwarded: boolean }
  /** Every rule number a page shows. */
  display: Display
  /** The 8-digit member number (null until the next login gives one). */
  memberNo: string | null
  frozen: boolean
  /** Who the caller is at the store: the staff and owner entries show only for staff and admins. */
  role: Role
}

export type StaffRole = (typeof staffRoles)[number]
export type Role = 'member' | StaffRole

export interface Voucher {
  code: string
  itemId: string
  name: string
  points: number
  status: VoucherStatus
  createdAt: string
  expiresAt: string
  /** When it left pending: fulfilled (核销), rejected or expired; null while pending (extra field). */
  handledAt: string | null
  /** What it takes off at the till, and the same in words (extra fields). */
  value?: VoucherValue
  valueText?: string
  /** The order it was used on. */
  orderId?: string
}

export type AuditKind = (typeof auditKinds)[number]

export interface OrderLine {
  tag: string
  amountFen: number
}

/** A purchase as the clerk's screen polls it and the shopper sees it. */
export interface Purchase {
  orderId: string
  status: PurchaseStatus
  amountFen: number
  tierDiscountFen: number
  voucherOffFen: number
  deductedPoints: number
  payFen: number
  awarded: number
  refundedFen: number
  member: { nickname: string; tier: string } | null
  claimedAt: string | null
  /** When an open code stops being claimable (extra field). */
  expiresAt: string
}

/** The bill before anything is spent, and the points it would earn. */
export interface PurchasePreview extends Bill {
  awardPreview: number
  /** Extra fields: the member's vouchers usable on this order, and the campaigns that add points to it. */
  vouchers: UsableVoucher[]
  campaigns: CampaignGain[]
}

export interface AuditEntryView {
  id: string
  at: string
  actor: { openid: string; name: string; role: 'staff' | 'admin' }
  kind: AuditKind
  target: string
  detail: Record<string, unknown>
}

export interface ClaimData {
  awarded: number
  deductedPoints: number
  payFen: number
  balance: number
  tier: { id: string; name: string; rate: number }
  purchase: Purchase
}

export interface LedgerEntryView {
  id: string
  delta: number
  reason: string
  at: string
  balanceAfter: number
}

export interface CatalogItem {
  id: string
  name: string
  kind: ItemKind
  points: number
  stock: number
  affordable: boolean
  description: string
  /** A temporary URL of the picture, or null. */
  imageUrl: string | null
  /** The lowest tier that may redeem it (null: everyone), and whether the shopper's tier is below it. */
  minTier: { id: string; name: string } | null
  aboveTier: boolean
  saleEnd: string | null
  value: VoucherValue | null
}

export interface ItemView {
  id: string
  name: string
  kind: ItemKind
  points: number
  stock: number
  validDays: number
  perMemberLimit: number | null
  active: boolean
  image?: string
  description?: string
  minTier?: string
  saleStart?: string
  saleEnd?: string
  value?: VoucherValue
}

/** An item in the owner's list, with a link to its picture (null: none). */
export interface OwnerItemView extends ItemView {
  imageUrl: string | null
}

/** One row of the owner's member search. */
export interface MemberRow {
  openid: string
  memberNo: string | null
  nickname: string
  tier: string
  balance: number
  joinedAt: string
  frozen: boolean
}

export interface LotView {
  points: number
  expiresAt: string
}

export interface MemberDetail {
  summary: Summary
  memberNo: string | null
  frozen: boolean
  frozenReason: string | null
  lots: LotView[]
  ledger: { entries: LedgerEntryView[]; nextCursor: string | null }
  vouchers: Voucher[]
  purchases: Purchase[]
}

export interface StaffView {
  openid: string
  name: string
  role: StaffRole
  since: string | null
}

/** Each action's validated arguments and the `data` it answers with. */
export interface Actions {
  member: {
    login: { args: ArgsOf<'member', 'login'>; data: Summary }
    summary: { args: ArgsOf<'member', 'summary'>; data: Summary }
    updateProfile: { args: ArgsOf<'member', 'updateProfile'>; data: { awarded: number; balance: number } }
    ledger: { args: ArgsOf<'member', 'ledger'>; data: { entries: LedgerEntryView[]; nextCursor: string | null } }
    subscribe: { args: ArgsOf<'member', 'subscribe'>; data: { subscriptions: Record<SubscriptionKind, number> } }
    deleteAccount: { args: ArgsOf<'member', 'deleteAccount'>; data: { deleted: true } }
    memberCode: { args: ArgsOf<'member', 'memberCode'>; data: { code: string; expiresAt: string } }
    joinStaff: { args: ArgsOf<'member', 'joinStaff'>; data: { role: StaffRole; name: string } }
  }
  checkin: {
    /** `awarded` is everything credited (daily + bonus); `bonus` is the streak part of it. */
    checkIn: { args: ArgsOf<'checkin', 'checkIn'>; data: { day: string; streak: number; awarded: number; bonus: number; balance: number } }
    calendar: { args: ArgsOf<'checkin', 'calendar'>; data: { days: string[] } }
  }
  exchange: {
    catalog: { args: ArgsOf<'exchange', 'catalog'>; data: { items: CatalogItem[] } }
    redeem: { args: ArgsOf<'exchange', 'redeem'>; data: { voucher: Voucher; balance: number } }
    vouchers: { args: ArgsOf<'exchange', 'vouchers'>; data: { vouchers: Voucher[] } }
    draw: { args: ArgsOf<'exchange', 'draw'>; data: DrawAnswer }
    lottery: { args: ArgsOf<'exchange', 'lottery'>; data: LotteryView }
  }
  share: {
    create: { args: ArgsOf<'share', 'create'>; data: { shareId: string } }
    open: { args: ArgsOf<'share', 'open'>; data: { rewarded: boolean } }
  }
  store: {
    issuePurchase: { args: ArgsOf<'store', 'issuePurchase'>; data: { code: string; expiresAt: string; orderId: string; amountFen: number } }
    checkout: { args: ArgsOf<'store', 'checkout'>; data: { purchase: Purchase } }
    previewPurchase: { args: ArgsOf<'store', 'previewPurchase'>; data: PurchasePreview }
    /** The clerk's look at a scanned 会员码 before charging it: the sums and the member's usable vouchers. */
    checkoutPreview: { args: ArgsOf<'store', 'checkoutPreview'>; data: PurchasePreview & { member: { nickname: string; tier: string } } }
    claimPurchase: { args: ArgsOf<'store', 'claimPurchase'>; data: ClaimData }
    purchase: { args: ArgsOf<'store', 'purchase'>; data: { purchase: Purchase } }
    refund: { args: ArgsOf<'store', 'refund'>; data: { purchase: Purchase; clawedBack: number; returnedPoints: number; balance: number } }
    audit: { args: ArgsOf<'store', 'audit'>; data: { entries: AuditEntryView[]; nextCursor: string | null } }
    lookupVoucher: { args: ArgsOf<'store', 'lookupVoucher'>; data: { voucher: Voucher; member: { nickname: string; tier: string } } }
    fulfilVoucher: { args: ArgsOf<'store', 'fulfilVoucher'>; data: { voucher: Voucher } }
    rejectVoucher: { args: ArgsOf<'store', 'rejectVoucher'>; data: { voucher: Voucher } }
    saveItem: { args: ArgsOf<'store', 'saveItem'>; data: { item: ItemView } }
    /** Every mall item, retired ones too. */
    items: { args: ArgsOf<'store', 'items'>; data: { items: OwnerItemView[] } }
    metrics: { args: ArgsOf<'store', 'metrics'>; data: Metrics }
    rules: {
      args: ArgsOf<'store', 'rules'>
      data: { rules: Rules; /** Reading only: why the stored rules are set aside for the defaults, or null. */ storedProblem?: string | null }
    }
    findMembers: { args: ArgsOf<'store', 'findMembers'>; data: { members: MemberRow[]; nextCursor: string | null } }
    memberDetail: { args: ArgsOf<'store', 'memberDetail'>; data: MemberDetail }
    /** The member's history past the page `memberDetail` showed, from its `ledger.nextCursor` on. */
    memberLedger: { args: ArgsOf<'store', 'memberLedger'>; data: { entries: LedgerEntryView[]; nextCursor: string | null } }
    adjust: { args: ArgsOf<'store', 'adjust'>; data: { balance: number } }
    freeze: { args: ArgsOf<'store', 'freeze'>; data: { frozen: boolean } }
    inviteStaff: { args: ArgsOf<'store', 'inviteStaff'>; data: { code: string; expiresAt: string } }
    staffList: { args: ArgsOf<'store', 'staffList'>; data: { staff: StaffView[] } }
    removeStaff: { args: ArgsOf<'store', 'removeStaff'>; data: { removed: true } }
    exportCsv: { args: ArgsOf<'store', 'exportCsv'>; data: { fileID: string; tempFileURL: string } }
  }
}
