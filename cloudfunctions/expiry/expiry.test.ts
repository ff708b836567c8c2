import fs from 'node:fs'
import path from 'node:path'
import { Cron } from 'croner'
import { describe, expect, it } from 'vitest'
import type { LedgerEntryView, Summary, Voucher } from '../../shared/api'
import type { LedgerEntry, Member, VoucherDoc } from '../../shared/member'
import type { JobReport } from './index'
import { useTestCloud } from '../use-test-cloud'

const c = useTestCloud()

/** Merchant time (+08:00) as the functions see it. */
const at = (local: string) => c.setClock(new Date(`${local}+08:00`).toISOString())

const trigger = () => c.trigger<JobReport>('expiry')

async function buy(openid: string, orderId: string, yuan: number): Promise<void> {
  // orders up to 20,000 yuan, above a clerk's limit: the admin issues them
  const { code } = await c.data<{ code: string }>('store', { action: 'issuePurchase', orderId, amountFen: yuan * 100 }, 'demo-admin')
  await c.data('store', { action: 'claimPurchase', code }, openid)
}

const balance = async (openid: string) => (await c.data<Summary>('member', { action: 'summary' }, openid)).balance
const ledger = async (openid: string) => (await c.data<{ entries: LedgerEntryView[] }>('member', { action: 'ledger', limit: 50 }, openid)).entries
const member = async (openid: string) =>
  (await c.docs<Member & { granted?: { birthday?: string; monthly?: string } }>('members', { _id: openid }))[0]!
const vouchersOf = (openid: string) => c.docs<VoucherDoc>('vouchers', { openid })

interface Sent {
  fromFunction: string
  openid?: string
  data: { touser: string; data: Record<string, { value: string }> }
}
/** Messages the job sent to `touser` (reminders and benefit notices). */
const reminders = async (touser: string) =>
  ((await c.stats()).outbox as Sent[]).filter((m) => m.fromFunction === 'expiry' && m.data.touser === touser)

describe('the year of earning', () => {
  it('earns across months, spends, and subscribes', async () => {
    await at('2030-01-15T10:00:00')
    await c.data('member', { action: 'login' }, 'e-alice')
    await buy('e-alice', 'e-order-1', 200) // 100 sign-up + 200 + 50 first purchase → expire end of 2031-01
    await at('2030-02-10T10:00:00')
    await buy('e-alice', 'e-order-2', 300) // 300 → expire end of 2031-02
    await at('2030-03-05T10:00:00')
    const { voucher } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'free_delivery', requestId: 'e-req-1' }, 'e-alice')
    await c.data('store', { action: 'fulfilVoucher', code: voucher.code }, 'demo-staff')
    expect(await balance('e-alice')).toBe(450)
    expect((await member('e-alice')).lots).toEqual([
      { expires: '2031-01', points: 150 },
      { expires: '2031-02', points: 300 },
    ])

    await at('2030-04-10T10:00:00')
    for (const openid of ['r-sub', 'r-one', 'r-none']) await c.data('member', { action: 'login' }, openid)
    for (let i = 0; i < 3; i++) await c.data('member', { action: 'subscribe', kinds: ['expiry'] }, 'r-sub')
    await c.data('member', { action: 'subscribe', kinds: ['expiry'] }, 'r-one')
    await at('2030-06-01T10:00:00')
    await c.data('member', { action: 'login' }, 'e-bob')
  })
})

describe('expiring points', () => {
  it('expires exactly the unspent points of the due month, with a ledger entry that says so', async () => {
    await at('2031-02-01T03:00:00')
    const report = await trigger()
    expect(report.done).toBe(true)
    expect(await balance('e-alice')).toBe(300)
    expect(await balance('e-bob')).toBe(100)
    const [last] = await ledger('e-alice')
    expect(last).toMatchObject({ id: 'expire:e-alice:2031-01', delta: -150, balanceAfter: 300, reason: expect.stringContaining('2031-01') })
    expect((await member('e-alice')).nextExpiryAt?.toISOString()).toBe('2031-02-28T15:59:59.999Z')
  })

  it('changes nothing when run again', async () => {
    const entries = (await c.docs('ledger')).length
    const report = await trigger()
    expect(report.steps.points?.changed).toBe(0)
    expect((await c.docs('ledger')).length).toBe(entries)
    expect(await balance('e-alice')).toBe(300)
  })

  it('expires the next month on time and never the points already spent', async () => {
    await at('2031-03-01T03:00:00')
    await trigger()
    expect(await balance('e-alice')).toBe(0)
    const expired = (await ledger('e-alice')).filter((e) => e.id.startsWith('expire:'))
    expect(expired.map((e) => [e.id, e.delta])).toEqual([
      ['expire:e-alice:2031-02', -300],
      ['expire:e-alice:2031-01', -150],
    ])
    // earned 650, spent 200 in the mall: only the 450 left could expire
    expect((await member('e-alice')).lots).toEqual([])
  })
})

describe('expiry reminders', () => {
  it('reminds subscribers 7 days before, once, and nobody who did not subscribe', async () => {
    await at('2031-04-23T03:00:00')
    await trigger()
    await trigger()
    const sent = await reminders('r-sub')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.data.data).toMatchObject({
      number2: { value: '100' },
      date3: { value: '2031-04-30' },
      thing4: { value: expect.stringContaining('7 天后') },
    })
    expect(await reminders('r-one')).toHaveLength(1)
    expect(await reminders('r-none')).toHaveLength(0)
    expect((await member('r-sub')).subscriptions.expiry).toBe(2)
  })

  it('sends the 3-day and 1-day reminders once each, while consent lasts', async () => {
    for (const day of ['2031-04-25', '2031-04-27', '2031-04-27', '2031-04-29', '2031-04-30']) {
      await at(`${day}T03:00:00`)
      await trigger()
    }
    const sent = await reminders('r-sub')
    expect(sent.map((m) => m.data.data.thing4?.value)).toEqual([
      expect.stringContaining('7 天后'),
      expect.stringContaining('3 天后'),
      expect.stringContaining('1 天后'),
    ])
    expect(await reminders('r-one')).toHaveLength(1)
    expect((await c.docs('grants', { openid: 'r-sub', kind: 'remind' })).map((g) => g._id).sort()).toEqual([
      'remind:r-sub:2031-04:1',
      'remind:r-sub:2031-04:3',
      'remind:r-sub:2031-04:7',
    ])
    await at('2031-05-01T03:00:00')
    await trigger()
    expect(await balance('r-sub')).toBe(0)
  })
})

describe('birthday and monthly benefits', () => {
  it('sets up members of each tier with birthdays', async () => {
    await at('2031-06-10T10:00:00')
    const people: Array<[string, number, string]> = [
      ['b-normal', 0, '2000-07-20'],
      ['b-silver', 1000, '1995-08-08'],
      ['b-gold', 5000, '1990-07-15'],
      ['b-diamond', 20000, '1985-07-02'],
    ]
    for (const [openid, yuan, birthday] of people) {
      await c.data('member', { action: 'login' }, openid)
      if (yuan > 0) await buy(openid, `b-order-${openid}`, yuan)
      await c.data('member', { action: 'updateProfile', birthday }, openid)
    }
    expect((await Promise.all(people.map(([o]) => member(o)))).map((m) => m.tier)).toEqual(['normal', 'silver', 'gold', 'diamond'])
    await c.data('member', { action: 'subscribe', kinds: ['benefit'] }, 'b-gold')
  })

  it('grants the birthday gift and monthly vouchers on the first run of the month', async () => {
    const before = {
      normal: await balance('b-normal'),
      gold: await balance('b-gold'),
      diamond: await balance('b-diamond'),
      silver: await balance('b-silver'),
    }
    await at('2031-07-01T03:00:00')
    await trigger()
    expect(await balance('b-normal')).toBe(before.normal + 500)
    expect(await balance('b-gold')).toBe(before.gold + 500)
    expect(await balance('b-diamond')).toBe(before.diamond + 500)
    expect(await balance('b-silver')).toBe(before.silver)
    expect((await ledger('b-gold'))[0]).toMatchObject({ id: 'birthday:b-gold:2031', delta: 500 })
    const names = async (o: string) => (await vouchersOf(o)).map((v) => v.name).sort()
    expect(await names('b-normal')).toEqual(['生日8折券'])
    expect(await names('b-silver')).toEqual(['会员免费配送券'])
    expect(await names('b-gold')).toEqual(['会员免费配送券', '会员免费配送券', '生日8折券'])
    expect(await names('b-diamond')).toEqual(['会员免费配送券', '会员免费配送券', '会员免费配送券', '生日8折券', '生日免单券'])
    // one consent, one message: the birthday notice; the monthly vouchers arrive silently
    const told = await reminders('b-gold')
    expect(told.map((m) => m.data.data.thing1?.value)).toEqual(['生日礼遇：500 积分和 1 张券'])
    expect(await reminders('b-diamond')).toEqual([])
    expect((await member('b-gold')).subscriptions.benefit).toBe(0)
    const monthly = (await vouchersOf('b-gold')).filter((v) => v.itemId === 'gift_free_delivery')
    expect(monthly.every((v) => v.expiresAt.toISOString() === '2031-07-31T15:59:59.999Z' && v.points === 0)).toBe(true)
  })

  it('grants nothing more on a second run or a late run in the same month', async () => {
    const count = async () => (await c.docs('vouchers')).length + (await c.docs('ledger')).length
    const before = await count()
    await trigger()
    await at('2031-07-20T03:00:00')
    await trigger()
    expect(await count()).toBe(before)
    expect(await c.docs('grants', { _id: 'birthday:b-gold:2031' })).toHaveLength(1)
  })

  it('grants a birthday late in the month when the job first runs then, and each month once', async () => {
    await at('2031-08-25T03:00:00')
    const silver = await balance('b-silver')
    await trigger()
    await trigger()
    expect(await balance('b-silver')).toBe(silver + 500)
    const august = (await vouchersOf('b-diamond')).filter((v) => v.itemId === 'gift_free_delivery' && v.createdAt.toISOString().startsWith('2031-08'))
    expect(august).toHaveLength(3)
    // July's unused monthly vouchers ended with July
    const july = (await vouchersOf('b-diamond')).filter(
      (v) => v.itemId === 'gift_free_delivery' && v.createdAt.toISOString().startsWith('2031-06-30'),
    )
    expect(july.map((v) => v.status)).toEqual(['expired', 'expired', 'expired'])
    expect((await member('b-diamond')).granted).toEqual({ birthday: '2031', monthly: '2031-08' })
    expect(await c.docs('grants', { kind: 'birthday', openid: 'b-silver' })).toHaveLength(1)
  })
})

describe('expiring vouchers', () => {
  it('marks an unused voucher expired after its 30 days and refunds its points once', async () => {
    await at('2031-09-01T10:00:00')
    await c.data('member', { action: 'login' }, 'v-carol')
    await buy('v-carol', 'v-order-1', 500)
    const { voucher } = await c.data<{ voucher: Voucher }>('exchange', { action: 'redeem', itemId: 'coffee', requestId: 'v-req-1' }, 'v-carol')
    expect(await balance('v-carol')).toBe(150)
    await at('2031-10-02T03:00:00')
    await trigger()
    await trigger()
    expect(await balance('v-carol')).toBe(650)
    expect((await c.docs<VoucherDoc>('vouchers', { _id: voucher.code }))[0]?.status).toBe('expired')
    expect((await ledger('v-carol'))[0]).toMatchObject({ id: `refund:${voucher.code}`, delta: 500 })
  })
})

describe('a large sweep in small time budgets', () => {
  it('expires every due member exactly once across as many runs as it takes', async () => {
    const due = new Date('2031-10-31T15:59:59.999Z')
    for (let i = 0; i < 300; i++) {
      const id = `s-${String(i).padStart(4, '0')}`
      const when = new Date('2030-10-05T02:00:00Z')
      await c.put('members', {
        _id: id,
        nickname: '会员',
        birthday: null,
        birthdayMonth: null,
        address: null,
        balance: 10,
        lifetimePoints: 10,
        totalSpentFen: 0,
        purchases: 0,
        tier: 'normal',
        streak: { count: 0, lastDay: null },
        profileAwarded: { birthday: false, address: false },
        lots: [{ expires: '2031-10', points: 10 }],
        nextExpiryAt: due,
        redeemed: {},
        subscriptions: {},
        seq: 1,
        createdAt: when,
        updatedAt: when,
      })
      await c.put('ledger', { _id: `signup:${id}`, openid: id, delta: 10, reason: '注册会员', kind: 'signup', at: when, balanceAfter: 10, seq: 1 })
    }
    await at('2031-11-01T03:00:00')
    let runs = 0
    for (let done = false; !done && runs < 200; runs++) {
      const answer = await c.data<JobReport>('expiry', { action: 'run', budgetMs: 100 }, 'demo-admin')
      done = answer.done
    }
    const expired = await c.docs<LedgerEntry>('ledger', { kind: 'expire' })
    expect(expired.filter((e) => e.openid.startsWith('s-'))).toHaveLength(300)
    expect((await c.docs<Member>('members', { nextExpiryAt: { $lte: due } })).length).toBe(0)
    expect(new Set(expired.map((e) => e._id)).size).toBe(expired.length)
  })
})

describe('a sweep that hands itself on', () => {
  it('continues in fresh runs until every due member has expired, without anyone triggering it again', async () => {
    await at('2032-01-10T10:00:00')
    const people = Array.from({ length: 120 }, (_, i) => `h-${String(i).padStart(3, '0')}`)
    for (const p of people) await c.data('member', { action: 'login' }, p)
    await at('2033-02-01T03:00:00')
    const first = await c.data<JobReport>('expiry', { action: 'run', budgetMs: 100, chain: true }, 'demo-admin')
    expect(first.hop).toBe(0)
    let job: JobReport | undefined
    // hand-offs run on their own: wait for the last one, longer on a busy machine
    for (let i = 0; i < 500 && !job?.done; i++) {
      await new Promise((r) => setTimeout(r, 100))
      job = (await c.docs<JobReport>('settings', { _id: 'expiry-job' }))[0]
    }
    expect(job?.done).toBe(true)
    if (!first.done) expect(job?.hop).toBeGreaterThan(0)
    expect((await Promise.all(people.map(balance))).every((b) => b === 0)).toBe(true)
    expect(await c.docs('ledger', { kind: 'expire', _id: { $in: people.map((p) => `expire:${p}:2033-01`) } })).toHaveLength(120)
  }, 90_000)
})

describe('two runs at once', () => {
  it('expire each due member exactly once when the timer and an admin start the job together', async () => {
    await at('2031-11-15T10:00:00')
    const people = Array.from({ length: 40 }, (_, i) => `t-${i}`)
    for (const p of people) await c.data('member', { action: 'login' }, p)
    await at('2032-12-01T03:00:00')
    const [timer, admin] = await Promise.all([trigger(), c.data<JobReport>('expiry', { action: 'run' }, 'demo-admin')])
    expect((timer.steps.points?.failed ?? 0) + (admin.steps.points?.failed ?? 0)).toBe(0)
    const expired = await c.docs<LedgerEntry>('ledger', { kind: 'expire', _id: { $in: people.map((p) => `expire:${p}:2032-11`) } })
    expect(expired).toHaveLength(40)
    expect((await Promise.all(people.map(balance))).every((b) => b === 0)).toBe(true)
  })
})

describe('the schedule', () => {
  it('is declared to fire daily at 02:00 merchant time, with 60 s and permission to send subscribe messages', () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as {
      timeout: number
      permissions: { openapi: string[] }
      triggers: Array<{ type: string; config: string }>
    }
    expect(config.timeout).toBe(60)
    expect(config.permissions.openapi).toContain('subscribeMessage.send')
    const [timer] = config.triggers
    expect(timer?.type).toBe('timer')
    const cron = new Cron(timer!.config, { timezone: 'Asia/Shanghai', mode: '6-or-7-parts', paused: true })
    expect(cron.nextRun(new Date('2033-03-01T10:00:00+08:00'))?.toISOString()).toBe('2033-03-01T18:00:00.000Z')
  })
})

describe('who may run the job', () => {
  it('refuses shoppers and staff, and bad arguments from an admin', async () => {
    expect(await c.call('expiry', { action: 'run' }, 'demo-shopper-1')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.call('expiry', { action: 'run' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(await c.call('expiry', { action: 'run', budgetMs: 1e20 }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('expiry', { action: 'run', budgetMs: 'x' }, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await c.call('expiry', { action: 'continue', hop: 1, budgetMs: 1000 }, 'demo-shopper-1')).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})

describe('nobody else runs the job', () => {
  const job = async () => (await c.docs('settings', { _id: 'expiry-job' }))[0]
  const expiredDana = () => c.docs('ledger', { _id: 'expire:w-dana:2035-01' })
  const timerEvent = { Type: 'Timer', TriggerName: 'daily', Time: '2035-02-01T02:00:00+08:00', Message: '' }

  it('refuses a caller without an OPENID and a shopper, even posing as the timer or as a hand-off', async () => {
    await at('2034-01-10T10:00:00')
    await c.data('member', { action: 'login' }, 'w-dana')
    await at('2035-02-01T03:00:00')
    await c.remove('settings', 'expiry-job')
    for (const openid of [null, 'demo-shopper-1', 'w-dana']) {
      const code = openid ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED'
      for (const event of [
        { action: 'run' },
        { action: 'daily' },
        { action: 'continue', hop: 1, budgetMs: 1000 },
        { action: 'daily', ...timerEvent },
      ]) {
        expect(await c.call('expiry', event, openid)).toMatchObject({ ok: false, error: { code } })
      }
      for (const event of [{}, timerEvent])
        expect(await c.call('expiry', event, openid)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await job()).toBeUndefined()
    expect(await expiredDana()).toEqual([])
    expect((await member('w-dana')).balance).toBe(100)
  })

  it('still runs for the timer, and for an admin', async () => {
    expect((await trigger()).done).toBe(true)
    expect(await job()).toMatchObject({ done: true, hop: 0 })
    expect(await expiredDana()).toHaveLength(1)
    expect((await member('w-dana')).balance).toBe(0)
    await c.remove('settings', 'expiry-job')
    expect((await c.data<JobReport>('expiry', { action: 'run' }, 'demo-admin')).done).toBe(true)
    expect(await job()).toMatchObject({ done: true, hop: 0 })
  })
})
