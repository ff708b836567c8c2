import { describe, expect, it } from 'vitest'
import type { AuditEntryView, Voucher } from '../../shared/api'
import { DEFAULT_RULES } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

type Page = { entries: AuditEntryView[]; nextCursor: string | null }
const trail = (args: Record<string, unknown> = {}) => c.data<Page>('store', { action: 'audit', ...args }, 'demo-admin')
const entries = (id: string) => c.docs('audit', { _id: id })

describe('the audit trail', () => {
  it('records each staff change once, even when the action is repeated or rushed', async () => {
    await c.data('member', { action: 'login' }, 'a-shop')
    const issue = () => c.call<{ code: string }>('store', { action: 'issuePurchase', orderId: 'a-o1', amountFen: 300_00 }, 'demo-staff')
    const issued = await Promise.all(Array.from({ length: 10 }, issue))
    expect(issued.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
    expect(await entries('issuePurchase:a-o1')).toEqual([
      expect.objectContaining({ kind: 'issuePurchase', target: 'a-o1', actor: { openid: 'demo-staff', name: expect.any(String), role: 'staff' } }),
    ])
    const again = await issue()
    const code = again.ok ? again.data.code : ''
    await c.data('store', { action: 'claimPurchase', code }, 'a-shop')

    await Promise.all(
      Array.from({ length: 5 }, () => c.call('store', { action: 'refund', orderId: 'a-o1', refundId: 'r1', amountFen: 10_00 }, 'demo-staff')),
    )
    await c.call('store', { action: 'refund', orderId: 'a-o1', refundId: 'r1', amountFen: 10_00 }, 'demo-staff')
    expect(await entries('refund:a-o1:r1')).toEqual([
      expect.objectContaining({ kind: 'refund', detail: expect.objectContaining({ amountFen: 10_00 }) }),
    ])

    const { code: mc } = await c.data<{ code: string }>('member', { action: 'memberCode' }, 'a-shop')
    await Promise.all(
      Array.from({ length: 5 }, () => c.call('store', { action: 'checkout', orderId: 'a-o2', amountFen: 20_00, memberCode: mc }, 'demo-staff')),
    )
    expect(await entries('checkout:a-o2')).toHaveLength(1)

    const vouchers = await Promise.all(
      ['v1', 'v2'].map((requestId) => c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId }, 'a-shop')),
    )
    const [v1, v2] = vouchers.map((v) => v.voucher.code)
    await Promise.all(Array.from({ length: 5 }, () => c.call('store', { action: 'fulfilVoucher', code: v1 }, 'demo-staff')))
    await Promise.all(Array.from({ length: 5 }, () => c.call('store', { action: 'rejectVoucher', code: v2, reason: '缺货' }, 'demo-staff')))
    expect(await entries(`fulfilVoucher:${v1}`)).toHaveLength(1)
    expect(await entries(`rejectVoucher:${v2}`)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ reason: '缺货', points: 200 }) }),
    ])
  })

  it('records an admin save that changes something, and not one that changes nothing', async () => {
    const item = { id: 'a-tea', name: '奶茶', kind: 'goods', points: 300, stock: 20 }
    await c.data('store', { action: 'saveItem', item }, 'demo-admin')
    await c.data('store', { action: 'saveItem', item }, 'demo-admin')
    expect(await c.docs('audit', { kind: 'saveItem', target: 'a-tea' })).toHaveLength(1)
    await c.data('store', { action: 'saveItem', item: { ...item, stock: 5 } }, 'demo-admin')
    const saves = await c.docs<{ detail: { before: { stock: number } | null; after: { stock: number } } }>('audit', {
      kind: 'saveItem',
      target: 'a-tea',
    })
    expect(saves.map((s) => [s.detail.before?.stock ?? null, s.detail.after.stock])).toEqual(
      expect.arrayContaining([
        [null, 20],
        [20, 5],
      ]),
    )
    expect(saves).toHaveLength(2)
    const rules = { ...DEFAULT_RULES, signup: 120 }
    await c.data('store', { action: 'rules', rules }, 'demo-admin')
    await c.data('store', { action: 'rules', rules }, 'demo-admin')
    expect(await c.docs('audit', { kind: 'rules' })).toHaveLength(1)
    await c.data('store', { action: 'rules', rules: DEFAULT_RULES }, 'demo-admin')
  })

  it('lists entries to the owner newest first, by clerk and kind, a page at a time', async () => {
    const all = await trail({ limit: 100 })
    expect(all.entries.length).toBeGreaterThanOrEqual(8)
    const times = all.entries.map((e) => e.at)
    expect([...times].sort().reverse()).toEqual(times)
    const pages: AuditEntryView[] = []
    for (let cursor: string | null = null, n = 0; n === 0 || cursor !== null; n++) {
      const page: Page = await trail({ limit: 3, ...(cursor ? { cursor } : {}) })
      pages.push(...page.entries)
      cursor = page.nextCursor
    }
    expect(pages.map((e) => e.id)).toEqual(all.entries.map((e) => e.id))
    const byStaff = await trail({ actor: 'demo-staff', limit: 100 })
    expect(byStaff.entries.length).toBeGreaterThan(0)
    expect(byStaff.entries.every((e) => e.actor.openid === 'demo-staff')).toBe(true)
    const refunds = await trail({ kind: 'refund' })
    expect(refunds.entries.map((e) => e.id)).toEqual(['refund:a-o1:r1'])
    // the owner sees which shopper a change concerned
    expect(refunds.entries[0]!.detail).toMatchObject({ member: 'a-shop', amountFen: 10_00 })
    expect((await trail({ kind: 'checkout' })).entries[0]!.detail).toMatchObject({ member: 'a-shop' })
    expect(await c.call('store', { action: 'audit' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
  })
})
