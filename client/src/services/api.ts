import type {
  AuditKind, AuditPage, CatalogItem, CheckInResult, ClaimResult, Envelope, IssueResult, LedgerPage, LookupResult, MemberCode, Purchase,
  PurchasePreview, RefundResult, Summary, Voucher,
} from './contract'
import { callFunction } from './transport'

type Args = Record<string, unknown>
const call = <T>(fn: string, action: string, args: Args = {}): Promise<Envelope<T>> => callFunction<T>(fn, { action, ...args })

// Each line is one action of the contract, so pages never spell function or action names.
export const api = {
  login: () => call<Summary>('member', 'login'),
  summary: () => call<Summary>('member', 'summary'),
  updateProfile: (p: { nickname?: string; birthday?: string; address?: string }) =>
    call<{ awarded: number; balance: number }>('member', 'updateProfile', p),
  ledger: (cursor: string | null, limit = 20) =>
    call<LedgerPage>('member', 'ledger', cursor ? { cursor, limit } : { limit }),
  subscribe: (kinds: string[]) => call<{ subscriptions: unknown }>('member', 'subscribe', { kinds }),
  checkIn: () => call<CheckInResult>('checkin', 'checkIn'),
  calendar: (month: string) => call<{ days: string[] }>('checkin', 'calendar', { month }),
  createShare: (itemId?: string) => call<{ shareId: string }>('share', 'create', itemId ? { itemId } : {}),
  openShare: (shareId: string) => call<{ rewarded: boolean }>('share', 'open', { shareId }),
  catalog: () => call<{ items: CatalogItem[] }>('exchange', 'catalog'),
  redeem: (itemId: string, requestId: string) =>
    call<{ voucher: Voucher; balance: number }>('exchange', 'redeem', { itemId, requestId }),
  draw: (requestId: string) =>
    call<{ prize: { id: string; name: string; points?: number }; balance: number }>('exchange', 'draw', { requestId }),
  vouchers: (status?: string) => call<{ vouchers: Voucher[] }>('exchange', 'vouchers', status ? { status } : {}),
  issuePurchase: (orderId: string, amountFen: number) =>
    call<IssueResult>('store', 'issuePurchase', { orderId, amountFen }),
  memberCode: (allowPoints: boolean, maxPoints: number | null) =>
    call<MemberCode>('member', 'memberCode', allowPoints && maxPoints !== null ? { allowPoints, maxPoints } : { allowPoints }),
  previewPurchase: (code: string, pointsToUse: number) => call<PurchasePreview>('store', 'previewPurchase', { code, pointsToUse }),
  claimPurchase: (code: string, pointsToUse: number) => call<ClaimResult>('store', 'claimPurchase', { code, pointsToUse }),
  checkout: (orderId: string, amountFen: number, memberCode: string) =>
    call<{ purchase: Purchase }>('store', 'checkout', { orderId, amountFen, memberCode }),
  purchase: (orderId: string) => call<{ purchase: Purchase }>('store', 'purchase', { orderId }),
  refund: (orderId: string, refundId: string, amountFen: number) => call<RefundResult>('store', 'refund', { orderId, refundId, amountFen }),
  audit: (filter: { cursor?: string; actor?: string; kind?: AuditKind }) => call<AuditPage>('store', 'audit', { ...filter, limit: 20 }),
  lookupVoucher: (code: string) => call<LookupResult>('store', 'lookupVoucher', { code }),
  fulfilVoucher: (code: string) => call<{ voucher: Voucher }>('store', 'fulfilVoucher', { code }),
  rejectVoucher: (code: string, reason: string) => call<{ voucher: Voucher }>('store', 'rejectVoucher', { code, reason }),
  metrics: (from: string, to: string) => call<Record<string, unknown>>('store', 'metrics', { from, to }),
  rules: (rules?: unknown) => call<{ rules: unknown }>('store', 'rules', rules === undefined ? {} : { rules }),
}
