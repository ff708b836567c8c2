import { describe, expect, it } from 'vitest'
import { useTestCloud } from './use-test-cloud'

const c = useTestCloud()

const CODE = '0000000000000000'
/** Every action with arguments it would accept; each bad variant below must be refused before anything changes. */
const ACTIONS: Array<[fn: string, action: string, args: Record<string, unknown>]> = [
  ['member', 'login', {}],
  ['member', 'summary', {}],
  ['member', 'updateProfile', { nickname: '小王', birthday: '1990-01-02', address: '上海' }],
  ['member', 'ledger', { limit: 10, cursor: '5' }],
  ['member', 'subscribe', { kinds: ['expiry'] }],
  ['member', 'deleteAccount', {}],
  ['member', 'memberCode', { allowPoints: true, maxPoints: 100 }],
  ['checkin', 'checkIn', {}],
  ['checkin', 'calendar', { month: '2026-11' }],
  ['exchange', 'catalog', {}],
  ['exchange', 'redeem', { itemId: 'free_delivery', requestId: 'req-1' }],
  ['exchange', 'vouchers', { status: 'pending' }],
  ['exchange', 'lottery', {}],
  ['store', 'issuePurchase', { orderId: 'order-1', amountFen: 100, multiplier: 2 }],
  ['store', 'claimPurchase', { code: CODE, usePoints: true }],
  ['store', 'claimPurchase', { code: CODE, pointsToUse: 100 }],
  ['store', 'previewPurchase', { code: CODE, pointsToUse: 100 }],
  [
    'store',
    'checkout',
    { orderId: 'order-2', amountFen: 100, memberCode: '1234 5678 9012 3456 7890', pointsToUse: 5, lines: [{ tag: 'latte', amountFen: 50 }] },
  ],
  [
    'store',
    'checkoutPreview',
    { amountFen: 100, memberCode: '1234 5678 9012 3456 7890', pointsToUse: 5, voucherCode: CODE, lines: [{ tag: 'latte', amountFen: 50 }] },
  ],
  ['store', 'purchase', { orderId: 'order-1' }],
  ['store', 'refund', { orderId: 'order-1', refundId: 'refund-1', amountFen: 100 }],
  ['store', 'audit', { limit: 10, cursor: 'x', actor: 'demo-staff', kind: 'refund' }],
  ['store', 'lookupVoucher', { code: CODE }],
  ['store', 'fulfilVoucher', { code: CODE }],
  ['store', 'rejectVoucher', { code: CODE, reason: '缺货' }],
  ['store', 'saveItem', { item: { id: 'tea', name: '奶茶', kind: 'goods', points: 300, stock: 20, validDays: 30, perMemberLimit: 2 } }],
  [
    'store',
    'saveItem',
    {
      item: {
        id: 'tea',
        name: '奶茶',
        kind: 'coupon',
        points: 300,
        stock: 20,
        image: 'cloud://local.x/items/tea.png',
        description: '好喝',
        minTier: 'gold',
        saleStart: '2026-01-01T00:00:00+08:00',
        saleEnd: '2026-01-02T00:00:00+08:00',
        value: { type: 'amountOff', offFen: 500 },
      },
    },
  ],
  ['store', 'findMembers', { query: '小王', limit: 10 }],
  ['store', 'memberDetail', { openid: 'demo-shopper-1' }],
  ['store', 'memberLedger', { openid: 'demo-shopper-1', cursor: '12', limit: 10 }],
  ['store', 'adjust', { openid: 'demo-shopper-1', delta: 10, reason: '补录', requestId: 'adj-1' }],
  ['store', 'freeze', { openid: 'demo-shopper-1', frozen: true, reason: '刷分' }],
  ['store', 'inviteStaff', { role: 'staff', name: '小李' }],
  ['store', 'removeStaff', { openid: 'demo-staff' }],
  ['store', 'exportCsv', { what: 'ledger', from: '2026-01-01', to: '2026-01-31' }],
  ['member', 'joinStaff', { code: CODE }],
]

/** JSON carries NaN as null; 1e20 and fractions are numbers no field accepts; '12' is junk where a number belongs. */
const JUNK: unknown[] = [NaN, 1e20, -1, 1.5, '12', true, null, {}, [], 'x'.repeat(10_000)]

/** Whether `junk` is really wrong for a field currently holding `value` (a string id may be '12'; a cursor may be null). */
function isWrongFor(key: string, value: unknown, junk: unknown): boolean {
  if (JSON.stringify(junk) === JSON.stringify(value)) return false
  if (typeof value === 'string' && junk === '12') return false
  if (key === 'cursor' && (junk === null || Number.isNaN(junk))) return false
  // an adjustment may take points away
  if (key === 'delta' && junk === -1) return false
  return true
}

function badVariants(args: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [['an unknown field', { ...args, surprise: 1 }]]
  for (const [key, value] of Object.entries(args)) {
    const { [key]: _dropped, ...without } = args
    const optional = [
      'usePoints',
      'multiplier',
      'status',
      'cursor',
      'limit',
      'nickname',
      'birthday',
      'address',
      'allowPoints',
      'maxPoints',
      'pointsToUse',
      'lines',
      'actor',
      'kind',
      'voucherCode',
      'query',
    ]
    if (!optional.includes(key)) out.push([`no ${key}`, without])
    for (const junk of JUNK) if (isWrongFor(key, value, junk)) out.push([`${key} = ${String(junk).slice(0, 12)}`, { ...args, [key]: junk }])
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value))
        for (const junk of JUNK)
          if (isWrongFor(inner, v, junk))
            out.push([`${key}.${inner} = ${String(junk).slice(0, 12)}`, { ...args, [key]: { ...value, [inner]: junk } }])
    }
  }
  return out
}

async function snapshot(): Promise<string> {
  const names = [
    'members',
    'ledger',
    'items',
    'vouchers',
    'purchases',
    'orders',
    'grants',
    'memberCodes',
    'refunds',
    'audit',
    'staff',
    'staffInvites',
    'memberNos',
  ]
  return JSON.stringify(await Promise.all(names.map((n) => c.docs(n))))
}

describe('bad input', () => {
  it('answers INVALID_ARGUMENT to every malformed event of every action and changes nothing', async () => {
    const before = await snapshot()
    const wrong: string[] = []
    for (const [fn, action, args] of ACTIONS) {
      for (const [what, bad] of badVariants(args)) {
        const answer = await c.call(fn, { action, ...bad }, 'demo-admin')
        if (answer.ok || answer.error.code !== 'INVALID_ARGUMENT') wrong.push(`${fn}.${action} with ${what}: ${JSON.stringify(answer).slice(0, 120)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(await snapshot()).toBe(before)
  })

  it('refuses unknown actions, a missing action and non-object arguments', async () => {
    for (const fn of ['member', 'checkin', 'exchange', 'store']) {
      expect(await c.call(fn, { action: 'dropTables' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await c.call(fn, { action: 'toString' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await c.call(fn, {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await c.call(fn, { action: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
  })

  it('explains the problem in a sentence a shopper can read', async () => {
    const answer = await c.call('store', { action: 'issuePurchase', orderId: 'o', amountFen: 1.5 }, 'demo-staff')
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '金额应为整数' } })
  })

  it('ignores the userInfo WeChat adds to every event', async () => {
    const answer = await c.call('member', { action: 'summary', userInfo: { appId: 'wx1', openId: 'someone-else' } }, 'demo-shopper-1')
    expect(answer).toMatchObject({ ok: true, data: { openid: 'demo-shopper-1' } })
  })
})
