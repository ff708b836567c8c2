/**
 * 1,000 generated malformed requests across every function and action: deep nesting, huge numbers,
 * wrong types, NaN-like strings, oversize strings, prototype keys, non-JSON bodies, wrong content
 * types, missing and unknown actions. Each must be refused (a 4xx, or an envelope with ok:false),
 * never a 5xx or a hang; afterwards the cloud still serves, nothing was credited and the ledger
 * invariants hold. Replay a failure with FUZZ_SEED=<the seed printed>.
 */
import { describe, expect, it } from 'vitest'
import type { LedgerEntry } from '../shared/member'
import { useTestCloud } from './use-test-cloud'

// two instances per function: fewer cold starts on a small machine
const c = useTestCloud({ maxInstances: 2 })

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const SHOTS = 1000
const PARALLEL = 6

const CODE = '0000000000000000'
const SHOPPERS = ['demo-shopper-1', 'demo-shopper-2', 'demo-shopper-3']

/** Every action with arguments it would accept, and a caller allowed to run it. */
const ACTIONS: Array<{ fn: string; action: string; args: Record<string, unknown>; as: 'shopper' | 'demo-staff' | 'demo-admin' }> = [
  { fn: 'member', action: 'login', args: {}, as: 'shopper' },
  { fn: 'member', action: 'summary', args: {}, as: 'shopper' },
  { fn: 'member', action: 'updateProfile', args: { nickname: '小王', address: '上海' }, as: 'shopper' },
  { fn: 'member', action: 'ledger', args: { limit: 10, cursor: '5' }, as: 'shopper' },
  { fn: 'member', action: 'subscribe', args: { kinds: ['expiry'] }, as: 'shopper' },
  { fn: 'member', action: 'deleteAccount', args: {}, as: 'shopper' },
  // no maxPoints: -0 is a valid cap of none, so a "huge" -0 there would rightly pass
  { fn: 'member', action: 'memberCode', args: { allowPoints: true }, as: 'shopper' },
  { fn: 'checkin', action: 'checkIn', args: {}, as: 'shopper' },
  { fn: 'checkin', action: 'calendar', args: { month: '2026-11' }, as: 'shopper' },
  { fn: 'exchange', action: 'catalog', args: {}, as: 'shopper' },
  { fn: 'exchange', action: 'redeem', args: { itemId: 'free_delivery', requestId: 'fuzz-1' }, as: 'shopper' },
  { fn: 'exchange', action: 'vouchers', args: { status: 'pending' }, as: 'shopper' },
  { fn: 'exchange', action: 'draw', args: { requestId: 'fuzz-2' }, as: 'shopper' },
  { fn: 'exchange', action: 'lottery', args: {}, as: 'shopper' },
  { fn: 'share', action: 'create', args: { itemId: 'coffee' }, as: 'shopper' },
  { fn: 'share', action: 'open', args: { shareId: CODE }, as: 'shopper' },
  { fn: 'store', action: 'issuePurchase', args: { orderId: 'order-1', amountFen: 100, multiplier: 2 }, as: 'demo-staff' },
  { fn: 'store', action: 'claimPurchase', args: { code: CODE, usePoints: true }, as: 'shopper' },
  {
    fn: 'store',
    action: 'checkout',
    args: { orderId: 'order-2', amountFen: 100, memberCode: '1234 5678 9012 3456 7890', pointsToUse: 5, lines: [{ tag: 'latte', amountFen: 50 }] },
    as: 'demo-staff',
  },
  { fn: 'store', action: 'previewPurchase', args: { code: CODE, pointsToUse: 100 }, as: 'shopper' },
  { fn: 'store', action: 'checkoutPreview', args: { amountFen: 100, memberCode: '1234 5678 9012 3456 7890', voucherCode: CODE }, as: 'demo-staff' },
  { fn: 'store', action: 'purchase', args: { orderId: 'order-1' }, as: 'demo-staff' },
  { fn: 'store', action: 'refund', args: { orderId: 'order-1', refundId: 'refund-1', amountFen: 100 }, as: 'demo-staff' },
  { fn: 'store', action: 'audit', args: { limit: 10, actor: 'demo-staff', kind: 'refund' }, as: 'demo-admin' },
  { fn: 'store', action: 'lookupVoucher', args: { code: CODE }, as: 'demo-staff' },
  { fn: 'store', action: 'fulfilVoucher', args: { code: CODE }, as: 'demo-staff' },
  { fn: 'store', action: 'rejectVoucher', args: { code: CODE, reason: '缺货' }, as: 'demo-staff' },
  { fn: 'store', action: 'metrics', args: { from: '2026-01-01', to: '2026-01-31' }, as: 'demo-admin' },
  {
    fn: 'store',
    action: 'saveItem',
    args: { item: { id: 'tea', name: '奶茶', kind: 'goods', points: 300, stock: 20, perMemberLimit: 2 } },
    as: 'demo-admin',
  },
  { fn: 'store', action: 'rules', args: {}, as: 'demo-admin' },
  { fn: 'store', action: 'findMembers', args: { query: '小王', limit: 10 }, as: 'demo-admin' },
  { fn: 'store', action: 'memberDetail', args: { openid: 'demo-shopper-1' }, as: 'demo-admin' },
  { fn: 'store', action: 'memberLedger', args: { openid: 'demo-shopper-1', limit: 10 }, as: 'demo-admin' },
  { fn: 'store', action: 'adjust', args: { openid: 'fuzz-nobody', delta: 1, reason: '测试', requestId: 'fuzz-adj' }, as: 'demo-admin' },
  { fn: 'store', action: 'freeze', args: { openid: 'fuzz-nobody', frozen: true, reason: '测试' }, as: 'demo-admin' },
  { fn: 'store', action: 'inviteStaff', args: { role: 'staff', name: '小李' }, as: 'demo-admin' },
  { fn: 'store', action: 'staffList', args: {}, as: 'demo-admin' },
  { fn: 'store', action: 'items', args: {}, as: 'demo-admin' },
  { fn: 'store', action: 'removeStaff', args: { openid: 'nobody' }, as: 'demo-admin' },
  { fn: 'store', action: 'exportCsv', args: { what: 'ledger', from: '2026-01-01', to: '2026-01-31' }, as: 'demo-admin' },
  { fn: 'member', action: 'joinStaff', args: { code: CODE }, as: 'shopper' },
  { fn: 'expiry', action: 'run', args: { budgetMs: 1000 }, as: 'demo-admin' },
]

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']
/** Written as raw JSON text: -0, 1e400 and 2^53+1 do not survive JSON.stringify. */
const HUGE_NUMBERS = ['1e308', '-1e308', '-0', '9007199254740993', '1e400', '-1', '1.5', '5e-324', '0.1e1000']
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', '', ' ', 'null', 'undefined', 'true']
const NOT_JSON = [
  'NaN',
  '{action:login}',
  "{'action':'login'}",
  '{"action":"login"',
  'undefined',
  '\u0000',
  '<xml/>',
  'action=login',
  '{"a":1}}',
  '\ufeff{"action":"login"}',
]
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/json',
  'application/jsonp',
  'application/json-patch+json',
  '',
]
const UNKNOWN_ACTIONS = [
  '"dropTables"',
  '"toString"',
  '"__proto__"',
  '"constructor"',
  '"hasOwnProperty"',
  '""',
  '42',
  'null',
  '["login"]',
  '{}',
  'true',
]
/** Fields that hold ids; a prototype name is a valid id there, so such a call may succeed (draw's prize would credit: left out). */
const ID_FIELDS = ['itemId', 'requestId', 'orderId', 'code', 'shareId']

interface Shot {
  what: string
  fn: string
  openid: string | null
  contentType: string
  body: string
  /** Valid apart from its odd ids: any envelope will do, but never a 5xx. */
  mayPass: boolean
}

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A JSON object written field by field from raw JSON texts, so `__proto__` stays an own key. */
const objectText = (fields: Array<[string, string]>): string => `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`

function generator(seed: number): () => Shot {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

  return () => {
    const target = pick(ACTIONS)
    const openid = target.as === 'shopper' ? pick(SHOPPERS) : target.as
    const fields: Array<[string, string]> = Object.entries(target.args).map(([k, v]) => [k, JSON.stringify(v)])
    const keys = fields.map(([k]) => k)
    const shot = (what: string, body: string, extra: Partial<Shot> = {}): Shot => ({
      what: `${target.fn}.${target.action} ${what}`,
      fn: target.fn,
      openid,
      contentType: 'application/json',
      body,
      mayPass: false,
      ...extra,
    })
    const withAction = (rest: Array<[string, string]>): string => objectText([['action', JSON.stringify(target.action)], ...rest])
    /** Replaces one argument (or adds `extra` when the action takes none) with a raw JSON value. */
    const replacing = (value: string, extra = 'surprise'): string => {
      const key = keys.length > 0 ? pick(keys) : extra
      return withAction([...fields.filter(([k]) => k !== key), [key, value]])
    }

    switch (
      pick([
        'deep',
        'huge',
        'type',
        'nanlike',
        'oversize',
        'protoKey',
        'protoId',
        'notJson',
        'contentType',
        'noAction',
        'badAction',
        'spoof',
      ] as const)
    ) {
      case 'deep': {
        const depth = pick([65, 100, 5000, 200_000])
        return shot(`nested ${depth} deep`, replacing(deep(depth)))
      }
      case 'huge': {
        const n = pick(HUGE_NUMBERS)
        return shot(`with a number ${n}`, replacing(n))
      }
      case 'type': {
        // wrong for every argument of every action (null is a valid cursor, 12 a valid amount)
        const v = pick(['[]', '{}', '[1,2]', '{"$gt":""}', '12.5', '-7', '[[]]', '{"_id":"x"}'])
        return shot(`with a wrong type ${v}`, replacing(v))
      }
      case 'nanlike': {
        const numeric = keys.filter((k) => typeof target.args[k] !== 'string')
        const s = pick(NAN_LIKE)
        if (numeric.length === 0) return shot(`with an extra field "${s}"`, withAction([...fields, ['surprise', JSON.stringify(s)]]))
        const key = pick(numeric)
        return shot(`with ${key} = "${s}"`, withAction([...fields.filter(([k]) => k !== key), [key, JSON.stringify(s)]]))
      }
      case 'oversize': {
        const length = pick([301, 5000, 300_000])
        return shot(`with a ${length}-character string`, replacing(JSON.stringify('字x'.repeat(Math.ceil(length / 2)))))
      }
      case 'protoKey': {
        const key = pick(PROTO_KEYS)
        const value = pick(['{"role":"admin"}', '1', '"x"', 'null', '{"balance":1000000}'])
        // an unknown field at the top, or inside the one object argument
        if (target.action === 'saveItem' && random() < 0.5)
          return shot(
            `with item.${key}`,
            withAction([
              [
                'item',
                objectText([...Object.entries(target.args.item as object).map(([k, v]): [string, string] => [k, JSON.stringify(v)]), [key, value]]),
              ],
            ]),
          )
        return shot(`with a field ${key}`, withAction([...fields, [key, value]]))
      }
      case 'protoId': {
        const key = keys.find((k) => ID_FIELDS.includes(k) && target.action !== 'draw')
        const id = pick(PROTO_KEYS.slice(0, 5))
        if (target.action === 'saveItem')
          return shot(`item.id = ${id}`, withAction([['item', JSON.stringify({ ...(target.args.item as object), id })]]), { mayPass: true })
        if (!key) return shot(`with a field ${id}`, withAction([...fields, [id, '1']]))
        return shot(`${key} = ${id}`, withAction([...fields.filter(([k]) => k !== key), [key, JSON.stringify(id)]]), { mayPass: true })
      }
      case 'notJson': {
        const body = pick(NOT_JSON)
        return shot(`with the body ${JSON.stringify(body)}`, body)
      }
      case 'contentType': {
        const type = pick(WRONG_TYPES)
        return shot(`sent as ${type || 'no type'}`, withAction(fields), { contentType: type })
      }
      case 'noAction':
        // expiry takes no action name: its admin runs the job with valid arguments
        return shot('without action', objectText(fields), { mayPass: target.fn === 'expiry' })
      case 'badAction': {
        const action = pick(UNKNOWN_ACTIONS)
        return shot(`as action ${action}`, objectText([['action', action], ...fields]), { mayPass: target.fn === 'expiry' })
      }
      case 'spoof':
        // identity comes from WeChat, never from the event
        return shot('anonymous, claiming to be the admin', withAction([...fields, ['userInfo', '{"openId":"demo-admin","appId":"wx"}']]), {
          openid: null,
          fn: target.fn === 'expiry' ? 'member' : target.fn,
        })
    }
  }
}

interface Answer {
  status: number
  body: { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null
}

async function send(shot: Shot): Promise<Answer> {
  const headers: Record<string, string> = shot.contentType ? { 'content-type': shot.contentType } : {}
  if (shot.openid) headers['x-wx-openid'] = shot.openid
  const res = await fetch(`${c.url}/functions/${shot.fn}`, { method: 'POST', headers, body: shot.body, signal: AbortSignal.timeout(10_000) })
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) as Answer['body'] }
  } catch {
    return { status: res.status, body: null }
  }
}

/** What is wrong with an answer, or null when it is a proper refusal (or, for `mayPass`, any envelope). */
function problem(shot: Shot, answer: Answer): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`
  if (answer.status >= 400) return null
  if (answer.status !== 200 || typeof answer.body?.ok !== 'boolean') return `HTTP ${answer.status} without an envelope`
  if (answer.body.ok === true) return shot.mayPass ? null : 'accepted'
  if (answer.body.error?.code === 'INTERNAL') return 'INTERNAL'
  return null
}

async function ledgerFigures(): Promise<{ balances: number; credits: number }> {
  const members = await c.docs<{ _id: string; balance: number }>('members')
  const ledger = await c.docs<LedgerEntry>('ledger')
  return {
    balances: members.filter((m) => SHOPPERS.includes(m._id)).reduce((sum, m) => sum + m.balance, 0),
    credits: ledger.filter((e) => SHOPPERS.includes(e.openid) && e.delta > 0).length,
  }
}

describe(`1,000 malformed requests (FUZZ_SEED=${SEED})`, () => {
  it('are all refused, never a 5xx or a hang; the cloud still serves and nothing was credited', { timeout: 120_000 }, async () => {
    console.log(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED}`)
    const started = Date.now()
    const before = await ledgerFigures()
    const next = generator(SEED)
    const shots = Array.from({ length: SHOTS }, next)
    const wrong: string[] = []
    const latin = new Set<string>()
    for (let i = 0; i < shots.length; i += PARALLEL) {
      const batch = shots.slice(i, i + PARALLEL)
      const answers = await Promise.all(batch.map(send))
      batch.forEach((shot, k) => {
        const answer = answers[k] as Answer
        const found = problem(shot, answer)
        if (found) wrong.push(`#${i + k} ${shot.what}: ${found} ${JSON.stringify(answer.body).slice(0, 160)}`)
        const message = answer.body?.error?.message
        // shoppers read these: no English word or field name may reach them
        if (answer.status === 200 && typeof message === 'string' && /[A-Za-z]/.test(message)) latin.add(message.slice(0, 120))
      })
    }
    console.log(`fuzz took ${Date.now() - started} ms`)
    expect(wrong).toEqual([])
    expect([...latin].sort()).toEqual([])
    expect(await c.data('member', { action: 'login' }, 'after-fuzz')).toMatchObject({ openid: 'after-fuzz' })
    const after = await ledgerFigures()
    expect(after.credits).toBe(before.credits)
    expect(after.balances).toBeLessThanOrEqual(before.balances)
  })
})
