import { describe, expect, it } from 'vitest'
import { useTestCloud } from '../use-test-cloud'

const CLAIM = 'owner-claim-7f3a9c2e'
// a new cloud environment: no collection, no demo data, the owner's claim code set on the functions
const c = useTestCloud({ bare: true, env: { OWNER_CLAIM_CODE: CLAIM } })

/** Whoever won the owner's claim. */
let owner = 'owner'
const invite = (role: 'staff' | 'admin', name: string, as: string) =>
  c.data<{ code: string; expiresAt: string }>('store', { action: 'inviteStaff', role, name }, as)
const join = (code: string, as: string) => c.call<{ role: string; name: string }>('member', { action: 'joinStaff', code }, as)

describe('a new environment and its staff', () => {
  it('creates the collections on first use', async () => {
    expect(c.cloud.server.db.collections()).toEqual([])
    const me = await c.data<{ balance: number; memberNo: string }>('member', { action: 'login' }, 'owner')
    expect(me.balance).toBe(100)
    expect(me.memberNo).toMatch(/^\d{8}$/)
    expect(c.cloud.server.db.collections().map((x) => x.name)).toEqual(
      expect.arrayContaining(['members', 'ledger', 'memberNos', 'staffInvites', 'audit']),
    )
  })

  it('makes the first caller with OWNER_CLAIM_CODE the admin, and nobody once an admin exists', async () => {
    expect(await c.call('store', { action: 'staffList' }, 'owner')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await join('wrong-claim-code-1234', 'owner')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const rush = await Promise.all([join(CLAIM, 'owner'), join(CLAIM, 'rival')])
    expect(rush.filter((a) => a.ok)).toHaveLength(1)
    owner = rush[0].ok ? 'owner' : 'rival'
    expect(await join(CLAIM, 'latecomer')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect((await c.docs('staff', { role: 'admin' })).length).toBe(1)
  })

  it('lets an invite make one person staff, once, within 24 hours', async () => {
    const { code, expiresAt } = await invite('staff', '小李', owner)
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000)
    expect(await join(code, 'clerk-li')).toMatchObject({ ok: true, data: { role: 'staff', name: '小李' } })
    expect(await join(code, 'clerk-wang')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } })
    const second = await invite('admin', '二店长', owner)
    expect(await join(second.code, 'clerk-li')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE', message: expect.stringMatching(/已经是/) },
    })

    const late = await invite('staff', '小王', owner)
    await c.setClock(new Date(Date.now() + 24 * 3_600_000 + 60_000).toISOString())
    try {
      expect(await join(late.code, 'clerk-wang')).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
    } finally {
      await c.setClock(null)
    }
    expect(await join('0000000000000000', 'clerk-wang')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await c.call('store', { action: 'inviteStaff', role: 'staff', name: '冒充' }, 'clerk-li')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.docs('audit', { kind: 'joinStaff', member: null })).toHaveLength(2)
  })

  it('lists and removes staff, never the last admin', async () => {
    const { staff } = await c.data<{ staff: Array<{ openid: string; role: string; name: string; since: string | null }> }>(
      'store',
      { action: 'staffList' },
      owner,
    )
    expect(staff.map((s) => [s.openid, s.role])).toEqual([
      [owner, 'admin'],
      ['clerk-li', 'staff'],
    ])
    expect(await c.call('store', { action: 'removeStaff', openid: owner }, owner)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.data('store', { action: 'removeStaff', openid: 'clerk-li' }, owner)).toEqual({ removed: true })
    expect(await c.call('store', { action: 'issuePurchase', orderId: 'after-removal', amountFen: 100 }, 'clerk-li')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.call('store', { action: 'removeStaff', openid: 'clerk-li' }, owner)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    // two admins removing each other at once: one of them stays
    const { code } = await invite('admin', '二店长', owner)
    await join(code, 'admin-2')
    await Promise.all([
      c.call('store', { action: 'removeStaff', openid: owner }, 'admin-2'),
      c.call('store', { action: 'removeStaff', openid: 'admin-2' }, owner),
    ])
    expect((await c.docs('staff', { role: 'admin' })).length).toBe(1)
    expect(await c.docs('audit', { kind: 'removeStaff' })).toHaveLength(2)
  })
})
