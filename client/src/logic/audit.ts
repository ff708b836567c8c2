// The owner's audit trail in plain words: who did what to which order, voucher, item or rules.
import { auditKinds } from '../../../shared/schemas'
import type { AuditEntry, AuditKind } from '../services/contract'
import { formatPoints, formatYuan } from './format'

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  issuePurchase: '开消费码',
  checkout: '会员码结账',
  fulfilVoucher: '核销券',
  rejectVoucher: '驳回券',
  refund: '退款',
  saveItem: '修改商品',
  rules: '修改规则',
  adjust: '调整积分',
  freeze: '冻结会员',
  inviteStaff: '邀请店员',
  joinStaff: '店员加入',
  removeStaff: '移除店员',
}

export const AUDIT_KINDS = auditKinds.map((kind) => ({ kind, label: AUDIT_KIND_LABELS[kind] }))

const yuan = (v: unknown) => (typeof v === 'number' ? formatYuan(v) : null)
const pts = (v: unknown) => (typeof v === 'number' ? `${formatPoints(v)} 积分` : null)
const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

/** The detail fields the owner reads, in this order; others (before/after snapshots) are summed up as changed. */
const DETAIL: [string, string, (v: unknown) => string | null][] = [
  ['amountFen', '金额', yuan],
  ['payFen', '应收', yuan],
  ['deductedPoints', '积分抵扣', pts],
  ['multiplier', '积分倍数', (v) => (typeof v === 'number' ? `×${v}` : null)],
  ['refundId', '退款单号', str],
  ['clawedBack', '收回', pts],
  ['returnedPoints', '退回', pts],
  ['itemId', '商品', str],
  ['points', '积分', pts],
  ['reason', '原因', str],
  ['member', '会员', str],
]

export interface AuditLine {
  id: string
  kind: string
  actor: string
  target: string
  detail: string
}

export function auditLine(e: AuditEntry): AuditLine {
  const parts = DETAIL.flatMap(([key, label, show]) => {
    const value = show(e.detail[key])
    return value === null ? [] : [`${label} ${value}`]
  })
  if ('after' in e.detail) parts.push('已修改')
  return {
    id: e.id,
    kind: AUDIT_KIND_LABELS[e.kind] ?? e.kind,
    actor: `${e.actor.name || '未命名'}（${e.actor.role === 'admin' ? '店长' : '店员'}）`,
    target: e.target === 'rules' ? '积分规则' : e.target,
    detail: parts.join(' · '),
  }
}

/** The clerks to filter by: everyone seen so far, each once, in the order first seen. */
export function actorsOf(entries: AuditEntry[], known: { openid: string; name: string }[] = []): { openid: string; name: string }[] {
  const seen = new Map(known.map((a) => [a.openid, a]))
  for (const e of entries) if (!seen.has(e.actor.openid)) seen.set(e.actor.openid, { openid: e.actor.openid, name: e.actor.name || '未命名' })
  return [...seen.values()]
}
