import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../services/contract'
import { actorsOf, AUDIT_KINDS, auditLine } from './audit'

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'x',
  at: '2026-11-22T01:00:00Z',
  actor: { openid: 'demo-staff', name: '小李', role: 'staff' },
  kind: 'refund',
  target: 'o-1',
  detail: {},
  ...over,
})

describe("the owner's audit trail", () => {
  it('says a refund in plain words with its sums', () => {
    const line = auditLine(entry({ detail: { refundId: 'r-1', amountFen: 5000, clawedBack: 50, returnedPoints: 100, member: 'anon-1' } }))
    expect(line).toEqual({
      id: 'x',
      kind: '退款',
      actor: '小李（店员）',
      target: 'o-1',
      detail: '金额 ¥50.00 · 退款单号 r-1 · 收回 50 积分 · 退回 100 积分 · 会员 anon-1',
    })
  })

  it('says a rules change by an admin without dumping the rules', () => {
    const line = auditLine(
      entry({
        kind: 'rules',
        target: 'rules',
        actor: { openid: 'demo-admin', name: '', role: 'admin' },
        detail: { before: { a: 1 }, after: { a: 2 } },
      }),
    )
    expect(line).toMatchObject({ kind: '修改规则', actor: '未命名（店长）', target: '积分规则', detail: '已修改' })
  })

  it('names every kind the server records', () => {
    for (const k of AUDIT_KINDS) expect(k.label).toMatch(/^[\u4e00-\u9fa5]+$/)
  })

  it('offers each clerk once to filter by, keeping those already known', () => {
    const entries = [entry({}), entry({ actor: { openid: 'demo-admin', name: '店长', role: 'admin' } }), entry({})]
    expect(actorsOf(entries)).toEqual([
      { openid: 'demo-staff', name: '小李' },
      { openid: 'demo-admin', name: '店长' },
    ])
    expect(actorsOf([], [{ openid: 'demo-staff', name: '小李' }])).toEqual([{ openid: 'demo-staff', name: '小李' }])
  })
})
