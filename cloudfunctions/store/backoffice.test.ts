import { describe, expect, it } from 'vitest'
import type { CatalogItem, MemberDetail, MemberRow, OwnerItemView, Summary } from '../../shared/api'
import type { Metrics } from '../../shared/metrics'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()
const admin = (action: string, args: Record<string, unknown> = {}) => c.call<unknown>('store', { action, ...args }, 'demo-admin')
const adminData = <T>(action: string, args: Record<string, unknown> = {}) => c.data<T>('store', { action, ...args }, 'demo-admin')
const summary = (openid: string) => c.data<Summary>('member', { action: 'summary' }, openid)

describe('members in the back office', () => {
  it('gives every member an 8-digit number, and finds members by number, nickname or OPENID', async () => {
    const me = await c.data<Summary>('member', { action: 'login' }, 'bo-finder')
    expect(me.memberNo).toMatch(/^[1-9]\d{7}$/)
    await c.data('member', { action: 'updateProfile', nickname: '林小满' }, 'bo-finder')
    const byNo = await adminData<{ members: MemberRow[] }>('findMembers', { query: me.memberNo })
    expect(byNo.members[0]).toMatchObject({ openid: 'bo-finder', memberNo: me.memberNo, nickname: '林小满', balance: 100, frozen: false })
    expect((await adminData<{ members: MemberRow[] }>('findMembers', { query: '小满' })).members.map((m) => m.openid)).toEqual(['bo-finder'])
    expect((await adminData<{ members: MemberRow[] }>('findMembers', { query: 'bo-finder' })).members.map((m) => m.openid)).toEqual(['bo-finder'])
    expect((await adminData<{ members: MemberRow[] }>('findMembers', { query: '.*' })).members).toEqual([])
  })

  it('gives a member who joined before member numbers one at the next login, unique among all', async () => {
    const [doc] = await c.docs<Record<string, unknown>>('members', { _id: 'demo-shopper-2' })
    const { memberNo: _gone, ...old } = doc as { _id: string; memberNo?: string }
    await c.put('members', old)
    const again = await c.data<Summary>('member', { action: 'login' }, 'demo-shopper-2')
    expect(again.memberNo).toMatch(/^\d{8}$/)
    expect(await c.docs('memberNos', { _id: again.memberNo })).toEqual([expect.objectContaining({ openid: 'demo-shopper-2' })])
    const numbers = (await c.docs<{ memberNo?: string }>('members')).map((m) => m.memberNo)
    expect(numbers.every(Boolean)).toBe(true)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('pages through every member', async () => {
    const seen: string[] = []
    for (let cursor: string | null = null, n = 0; n === 0 || cursor; n++) {
      const page: { members: MemberRow[]; nextCursor: string | null } = await adminData('findMembers', { limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.members.map((m) => m.openid))
      cursor = page.nextCursor
    }
    const all = (await c.docs<{ _id: string }>('members')).map((m) => m._id).sort()
    expect(seen).toEqual(all)
  })

  it('adjusts a balance with a reason the member reads, once per requestId, never below zero', async () => {
    await c.data('member', { action: 'login' }, 'bo-adjust')
    const first = await adminData<{ balance: number }>('adjust', { openid: 'bo-adjust', delta: 50, reason: '补录漏记的消费', requestId: 'adj-1' })
    expect(first.balance).toBe(150)
    expect(await admin('adjust', { openid: 'bo-adjust', delta: 50, reason: '补录漏记的消费', requestId: 'adj-1' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    expect(await admin('adjust', { openid: 'bo-adjust', delta: -151, reason: '扣多了', requestId: 'adj-2' })).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    })
    expect((await adminData<{ balance: number }>('adjust', { openid: 'bo-adjust', delta: -150, reason: '清零', requestId: 'adj-3' })).balance).toBe(0)
    const ledger = await c.data<{ entries: { delta: number; reason: string }[] }>('member', { action: 'ledger' }, 'bo-adjust')
    expect(ledger.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ delta: -150, reason: '商家调整：清零' }),
      expect.objectContaining({ delta: 50, reason: '商家调整：补录漏记的消费' }),
    ])
    expect(await c.docs('audit', { kind: 'adjust', member: 'bo-adjust' })).toHaveLength(2)
    // a correction is not earned: it moves no one toward a tier
    expect((await summary('bo-adjust')).lifetimePoints).toBe(100)
    expect(await admin('adjust', { openid: 'nobody-here', delta: 5, reason: '测试', requestId: 'adj-4' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('settles a refund debt first when adjusting up', async () => {
    await c.data('member', { action: 'login' }, 'bo-debt')
    const [doc] = await c.docs<Record<string, unknown> & { _id: string }>('members', { _id: 'bo-debt' })
    await c.put('members', { ...doc!, pointsDebt: 30 })
    expect((await adminData<{ balance: number }>('adjust', { openid: 'bo-debt', delta: 50, reason: '补偿', requestId: 'd-1' })).balance).toBe(120)
    expect((await c.docs<{ pointsDebt: number }>('members', { _id: 'bo-debt' }))[0]!.pointsDebt).toBe(0)
  })

  it('freezes a member, who then can neither earn nor spend, and unfreezing restores both', async () => {
    await c.data('member', { action: 'login' }, 'bo-frozen')
    expect(await adminData('freeze', { openid: 'bo-frozen', frozen: true, reason: '疑似刷分' })).toEqual({ frozen: true })
    expect(await admin('freeze', { openid: 'bo-frozen', frozen: true, reason: '再次冻结' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    })
    const denied = { ok: false, error: { code: 'PERMISSION_DENIED', message: expect.stringMatching(/冻结/) } }
    expect(await c.call('checkin', { action: 'checkIn' }, 'bo-frozen')).toMatchObject(denied)
    await adminData('adjust', { openid: 'bo-frozen', delta: 500, reason: '测试冻结', requestId: 'f-adj' })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'f-1' }, 'bo-frozen')).toMatchObject(denied)
    expect(await c.call('exchange', { action: 'draw', requestId: 'f-2' }, 'bo-frozen')).toMatchObject(denied)
    const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId: 'bo-f-order', amountFen: 100_00 }, 'demo-staff')
    expect(await c.call('store', { action: 'claimPurchase', code }, 'bo-frozen')).toMatchObject(denied)
    expect((await summary('bo-frozen')).balance).toBe(600)
    expect((await summary('bo-frozen')).frozen).toBe(true)

    expect(await adminData('freeze', { openid: 'bo-frozen', frozen: false, reason: '核实无误' })).toEqual({ frozen: false })
    expect((await c.data<{ awarded: number }>('checkin', { action: 'checkIn' }, 'bo-frozen')).awarded).toBeGreaterThan(0)
    expect(
      (await c.data<{ balance: number }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'f-1' }, 'bo-frozen')).balance,
    ).toBeLessThan(600)
    expect((await c.data<{ awarded: number }>('store', { action: 'claimPurchase', code }, 'bo-frozen')).awarded).toBeGreaterThan(0)
    expect((await c.docs('audit', { kind: 'freeze', member: 'bo-frozen' })).length).toBe(2)
  })

  it("shows the owner a member's lots, ledger, vouchers and purchases", async () => {
    const detail = await adminData<MemberDetail>('memberDetail', { openid: 'bo-frozen' })
    expect(detail.memberNo).toMatch(/^\d{8}$/)
    expect(detail.frozen).toBe(false)
    expect(detail.summary.openid).toBe('bo-frozen')
    expect(detail.lots.reduce((s, l) => s + l.points, 0)).toBe(detail.summary.balance)
    expect(detail.ledger.entries[0]).toMatchObject({ balanceAfter: detail.summary.balance })
    expect(detail.vouchers.map((v) => v.itemId)).toEqual(['free_delivery'])
    expect(detail.purchases.map((p) => p.orderId)).toEqual(['bo-f-order'])
    expect(await admin('memberDetail', { openid: 'no-such-member' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it("pages the owner through a member's whole history past the first page, in order, each entry once", async () => {
    await c.data('member', { action: 'login' }, 'bo-history')
    for (let i = 1; i <= 24; i++) await adminData('adjust', { openid: 'bo-history', delta: i, reason: `补录第${i}笔`, requestId: `h-${i}` })
    const detail = await adminData<MemberDetail>('memberDetail', { openid: 'bo-history' })
    expect(detail.ledger.entries).toHaveLength(20)
    const rest = await adminData<{ entries: { reason: string }[]; nextCursor: string | null }>('memberLedger', {
      openid: 'bo-history',
      cursor: detail.ledger.nextCursor,
    })
    expect(rest.nextCursor).toBeNull()
    const reasons = [...detail.ledger.entries, ...rest.entries].map((e) => e.reason)
    expect(reasons).toEqual([...Array.from({ length: 24 }, (_, i) => `商家调整：补录第${24 - i}笔`), expect.stringMatching(/注册/)])
    expect(await admin('memberLedger', { openid: 'no-such-member' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('lets only the admin see or change members', async () => {
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['findMembers', {}],
      ['memberDetail', { openid: 'bo-frozen' }],
      ['memberLedger', { openid: 'bo-frozen' }],
      ['adjust', { openid: 'bo-frozen', delta: 1000, reason: '自己加分', requestId: 'x-1' }],
      ['freeze', { openid: 'bo-frozen', frozen: true, reason: '试试' }],
      ['inviteStaff', { role: 'staff', name: '新人' }],
      ['staffList', {}],
      ['removeStaff', { openid: 'demo-admin' }],
      ['exportCsv', { what: 'members', from: '2026-01-01', to: '2026-01-31' }],
      ['items', {}],
    ]
    for (const [action, args] of attempts) {
      expect(await c.call('store', { action, ...args }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
      expect(await c.call('store', { action, ...args }, 'demo-shopper-1')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    }
  })
})

describe('the catalog editor', () => {
  it('stores images, descriptions, tiers, sale windows and values; the mall hides what is not on sale and marks what needs a higher tier', async () => {
    const now = Date.now()
    const base = { kind: 'coupon', points: 10, stock: 5 }
    await adminData('saveItem', {
      item: {
        ...base,
        id: 'bo-gold',
        name: '金卡专享',
        minTier: 'gold',
        description: '仅限金卡',
        value: { type: 'amountOff', offFen: 500, minSpendFen: 3000 },
      },
    })
    await adminData('saveItem', { item: { ...base, id: 'bo-later', name: '明日秒杀', saleStart: new Date(now + 86_400_000).toISOString() } })
    await adminData('saveItem', { item: { ...base, id: 'bo-over', name: '已结束', saleEnd: new Date(now - 1000).toISOString() } })
    await adminData('saveItem', { item: { ...base, id: 'bo-off', name: '下架了', active: false } })
    expect(await admin('saveItem', { item: { ...base, id: 'bo-bad', name: '坏', minTier: 'platinum' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(await admin('saveItem', { item: { ...base, id: 'bo-bad', name: '坏', value: { type: 'percentOff', percent: 100 } } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })

    const { items } = await c.data<{ items: CatalogItem[] }>('exchange', { action: 'catalog' }, 'demo-shopper-1')
    const ids = items.map((i) => i.id)
    expect(ids).toContain('bo-gold')
    expect(ids).not.toContain('bo-later')
    expect(ids).not.toContain('bo-over')
    expect(ids).not.toContain('bo-off')
    expect(items.find((i) => i.id === 'bo-gold')).toMatchObject({
      aboveTier: true,
      affordable: false,
      minTier: { id: 'gold', name: '金卡' },
      description: '仅限金卡',
      value: { type: 'amountOff', offFen: 500 },
    })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'bo-gold', requestId: 'g-1' }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'bo-later', requestId: 'g-2' }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'EXPIRED' },
    })
    expect(await c.call('exchange', { action: 'redeem', itemId: 'bo-over', requestId: 'g-3' }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'EXPIRED' },
    })
  })

  it('hands the mall a temporary URL of the item picture', async () => {
    const upload = await fetch(`${c.url}/_storage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cloudPath: 'items/bo-pic.png', base64: Buffer.from('picture').toString('base64') }),
    })
    const { fileID } = (await upload.json()) as { fileID: string }
    await adminData('saveItem', { item: { id: 'bo-pic', name: '有图', kind: 'goods', points: 10, stock: 1, image: fileID } })
    const { items } = await c.data<{ items: CatalogItem[] }>('exchange', { action: 'catalog' }, 'demo-shopper-1')
    const url = items.find((i) => i.id === 'bo-pic')?.imageUrl
    expect(url).toBeTruthy()
    expect(await (await fetch(url!)).text()).toBe('picture')
  })
})

describe("the owner's item list", () => {
  it('lists every item, retired ones too and on-sale ones first, with the link to each picture', async () => {
    const upload = await fetch(`${c.url}/_storage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cloudPath: 'items/ol-pic.png', base64: Buffer.from('owner picture').toString('base64') }),
    })
    const { fileID } = (await upload.json()) as { fileID: string }
    await adminData('saveItem', { item: { id: 'ol-retired', name: '停售奶茶', kind: 'goods', points: 1, stock: 3, active: false } })
    await adminData('saveItem', { item: { id: 'ol-pic', name: '带图蛋糕', kind: 'goods', points: 2, stock: 4, image: fileID, value: undefined } })
    const { items } = await adminData<{ items: OwnerItemView[] }>('items')
    const retired = items.find((i) => i.id === 'ol-retired')
    expect(retired).toMatchObject({ name: '停售奶茶', active: false, stock: 3, imageUrl: null, perMemberLimit: null })
    expect(retired).not.toHaveProperty('updatedAt')
    const shelf = items.map((i) => i.active)
    expect(shelf).toEqual([...shelf].sort((a, b) => Number(b) - Number(a)))
    const pic = items.find((i) => i.id === 'ol-pic')
    expect(pic).toMatchObject({ image: fileID, active: true })
    expect(await (await fetch(pic!.imageUrl!)).text()).toBe('owner picture')
  })

  it('names the field a refused item is about, apart from the sentence', async () => {
    const base = { id: 'ol-bad', name: '坏', kind: 'goods', points: 10, stock: 1 }
    expect(await admin('saveItem', { item: { ...base, points: 0 } })).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '所需积分不能小于 1', field: 'item.points' },
    })
    expect(await admin('saveItem', { item: { ...base, minTier: 'platinum' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'item.minTier' },
    })
    expect(await c.docs('items', { _id: 'ol-bad' })).toEqual([])
  })
})

describe('the numbers pages show', () => {
  it('follow the rules the owner saves', { timeout: 20_000 }, async () => {
    const { rules } = await adminData<{ rules: Record<string, unknown> & { checkIn: object } }>('rules')
    await adminData('rules', { rules: { ...rules, checkIn: { daily: 8, streakDays: 5, streakBonus: 30 } } })
    // each function instance keeps the rules a few seconds
    await new Promise((r) => setTimeout(r, 5_100))
    const s = await summary('demo-shopper-3')
    expect(s.display).toMatchObject({
      checkIn: { daily: 8, streakDays: 5, streakBonus: 30 },
      lottery: { cost: 100 },
      share: { reward: 5 },
      cash: { maxPercent: 10 },
      timeZone: 'Asia/Shanghai',
    })
    expect(s.display.tiers.map((t) => t.minPoints)).toEqual([0, 1000, 5000, 20000])
    await adminData('rules', { rules })
  })
})

describe('metrics and export', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

  it('counts no staff as members, takes up to a year, and draws a daily trend', async () => {
    const before = await adminData<Metrics>('metrics', { from: today, to: today })
    await c.data('member', { action: 'login' }, 'demo-staff')
    const after = await adminData<Metrics>('metrics', { from: today, to: today })
    expect(after.members).toBe(before.members)
    expect(after.pointsIssued).toBe(before.pointsIssued)
    expect(after.trend).toEqual([{ day: today, issued: after.pointsIssued, redeemed: after.pointsRedeemed, expired: after.pointsExpired }])
    expect(after.earnedShare).toBeGreaterThan(0)
    expect(await admin('metrics', { from: '2025-01-01', to: '2026-01-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const year = await adminData<Metrics>('metrics', { from: '2025-01-01', to: '2025-12-31' })
    expect(year.trend).toHaveLength(365)
  })

  it('exports the ledger, members and purchases as CSV a spreadsheet opens', async () => {
    await c.data('member', { action: 'updateProfile', nickname: '=HYPERLINK("x"),"逗号"' }, 'bo-finder')
    for (const what of ['ledger', 'members', 'purchases']) {
      const { fileID, tempFileURL } = await adminData<{ fileID: string; tempFileURL: string }>('exportCsv', { what, from: today, to: today })
      expect(fileID).toMatch(/^cloud:\/\//)
      const bytes = Buffer.from(await (await fetch(tempFileURL)).arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const rows = parseCsv(bytes.toString('utf8').slice(1))
      expect(rows.length).toBeGreaterThan(1)
      expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true)
      if (what === 'members') expect(rows.find((r) => r.includes('bo-finder'))).toContain('\'=HYPERLINK("x"),"逗号"')
      if (what === 'ledger') expect(rows.some((r) => r.includes('商家调整：清零'))).toBe(true)
      if (what === 'purchases') expect(rows.some((r) => r[0] === 'bo-f-order')).toBe(true)
    }
    expect(await admin('exportCsv', { what: 'ledger', from: '2026-02-01', to: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })
})

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}
