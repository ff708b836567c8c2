import { describe, expect, it } from 'vitest'
import type { ClaimData, Summary } from '../../shared/api'
import { DEFAULT_RULES } from '../../shared/rules'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** A double-points campaign that ends on 2030-05-31, merchant time (UTC+8). */
const LAST_DAY = { id: 'may', name: '五月双倍', from: '2030-05-01', to: '2030-05-31', multiplier: 2 }

async function claimAt(openid: string, orderId: string, at: string): Promise<ClaimData> {
  await c.setClock(at)
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: 100_00 }, 'demo-staff')
  return c.data<ClaimData>('store', { action: 'claimPurchase', code }, openid)
}

describe('a campaign at the merchant’s midnight', () => {
  it('counts a purchase at 23:59:59 on its last day and not one at 00:00:00 the next day, and the home page says so', async () => {
    await c.setClock('2030-05-20T04:00:00Z')
    await c.data('store', { action: 'rules', rules: { ...DEFAULT_RULES, campaigns: [LAST_DAY] } }, 'demo-admin')
    await c.data('member', { action: 'login' }, 'cm-1')
    // past the rules cache, and past the first purchase (its bonus aside)
    await claimAt('cm-1', 'cm-first', '2030-05-31T10:00:00Z')
    expect((await c.data<Summary>('member', { action: 'summary' }, 'cm-1')).campaigns).toEqual([
      { id: 'may', name: '五月双倍', multiplier: 2, text: '今天五月双倍，消费积分×2' },
    ])
    expect((await claimAt('cm-1', 'cm-late', '2030-05-31T15:59:59+00:00')).awarded).toBe(200)
    expect((await claimAt('cm-1', 'cm-next', '2030-05-31T16:00:00Z')).awarded).toBe(100)
    expect((await c.data<Summary>('member', { action: 'summary' }, 'cm-1')).campaigns).toEqual([])
    await c.setClock(null)
  })
})
