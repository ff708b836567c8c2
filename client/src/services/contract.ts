// The contract's shapes come from the shared types (shared/api.ts); pages import them from here.
import type { AuditEntryView, AuditKind, CatalogItem, Envelope, ErrorCode, LedgerEntryView, Purchase, PurchasePreview, Role, Summary, Voucher, VoucherStatus } from '../../../shared/api'

export type { AuditKind, CatalogItem, Envelope, ErrorCode, Purchase, PurchasePreview, Role, Summary, Voucher, VoucherStatus }

export interface ApiError { code: ErrorCode; message: string }
export type LedgerEntry = LedgerEntryView
export type AuditEntry = AuditEntryView
