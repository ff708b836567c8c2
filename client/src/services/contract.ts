// The contract's shapes come from the shared types (shared/api.ts); pages import them from here.
import type {
  Actions, AuditEntryView, AuditKind, CatalogItem, Envelope, ErrorCode, LedgerEntryView, Purchase, PurchasePreview, Summary, Voucher, VoucherStatus,
} from '../../../shared/api'

export type { AuditKind, CatalogItem, Envelope, ErrorCode, Purchase, PurchasePreview, Summary, Voucher, VoucherStatus }

type DataOf<F extends keyof Actions, A extends keyof Actions[F]> = Actions[F][A] extends { data: infer D } ? D : never

export interface ApiError { code: ErrorCode; message: string }
export type LedgerEntry = LedgerEntryView
export type LedgerPage = DataOf<'member', 'ledger'>
export type CheckInResult = DataOf<'checkin', 'checkIn'>
export type ClaimResult = DataOf<'store', 'claimPurchase'>
export type IssueResult = DataOf<'store', 'issuePurchase'>
export type LookupResult = DataOf<'store', 'lookupVoucher'>
export type AuditEntry = AuditEntryView
export type AuditPage = DataOf<'store', 'audit'>
export type RefundResult = DataOf<'store', 'refund'>
export type MemberCode = DataOf<'member', 'memberCode'>
