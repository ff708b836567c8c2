// The contract's shapes come from the shared types (shared/api.ts); pages import them from here.
import type {
  AuditEntryView,
  AuditKind,
  CatalogItem,
  Envelope,
  ErrorCode,
  LedgerEntryView,
  Purchase,
  PurchasePreview,
  Role,
  Summary,
  Voucher,
  VoucherStatus,
} from '../../../shared/api'

export type { AuditKind, CatalogItem, Envelope, ErrorCode, Purchase, PurchasePreview, Role, Summary, Voucher, VoucherStatus }

/** `field`: the argument's dotted path a refusal names, for a form to place the message beside it. */
export interface ApiError {
  code: ErrorCode
  message: string
  field?: string
}
export type LedgerEntry = LedgerEntryView
export type AuditEntry = AuditEntryView
