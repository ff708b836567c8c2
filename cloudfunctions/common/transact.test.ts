import { describe, expect, it } from 'vitest'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

const transactionsStarted = () => c.cloud.server.db.stats().byAction['database.startTransaction'] ?? 0

describe('transact', () => {
  it('answers a document that exists though the change was never applied at once, as a fault, without retrying it', async () => {
    await c.data('member', { action: 'login' }, 't-dup')
    // a silver bonus already in the books, though the member never reached silver: the data disagrees with itself
    await c.put('ledger', {
      _id: 'tier:t-dup:silver',
      openid: 't-dup',
      delta: 0,
      reason: '升级为银卡',
      kind: 'tier',
      at: new Date(),
      balanceAfter: 100,
      seq: 0,
    })
    const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: 'dup-1', amountFen: 1000_00 }, 'demo-staff')
    const before = transactionsStarted()
    const answer = await c.call('store', { action: 'claimPurchase', code }, 't-dup')
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('请联系商家') } })
    expect(transactionsStarted() - before).toBe(1)
    expect(await c.data('member', { action: 'summary' }, 't-dup')).toMatchObject({ balance: 100, totalSpentFen: 0 })
  })
})
