import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { actAs, callAs, confirmModal, launch, open, screenshot, tap, textOf, typeInto, whenEnabled } from './browser'
import { startCloud, type StartedCloud } from './local-cloud'

const SHOPPER = 'demo-shopper-1'
const points = (text: string) => Number(text.replace(/[^\d-]/g, ''))

// The shopper types a purchase code, looks at the preview, and confirms (with `steps` × 100 points as cash).
async function claimTyped(page: Page, code: string, steps = 0): Promise<void> {
  await typeInto(page, '#claim-code', code)
  await tap(page, '#preview-btn')
  await confirmPreview(page, steps)
}

async function confirmPreview(page: Page, steps = 0): Promise<void> {
  await page.locator('#claim-preview').waitFor()
  for (let i = 1; i <= steps; i++) {
    await tap(page, '#points-stepper-up')
    await expect.poll(() => textOf(page, '#points-stepper-value'), { timeout: 10_000 }).toBe(String(i * 100))
  }
  await whenEnabled(page, '#claim-btn')
  await tap(page, '#claim-btn')
  await page.locator('#claim-result').waitFor()
}

// One local cloud and one browser for the whole story: a shopper and a clerk, each in their own context.
describe('shopper and clerk in the H5 mini-program', () => {
  let cloud: StartedCloud
  let browser: Browser
  let shopperCtx: BrowserContext
  let staffCtx: BrowserContext
  let shopper: Page
  let staff: Page
  let voucherCode = ''

  beforeAll(async () => {
    cloud = await startCloud()
    browser = await launch()
    shopperCtx = await actAs(browser, SHOPPER)
    staffCtx = await actAs(browser, 'demo-staff')
    shopper = await shopperCtx.newPage()
    staff = await staffCtx.newPage()
  }, 150_000)

  afterAll(async () => {
    await browser?.close()
    await cloud?.stop()
  })

  it('logs the shopper in, checks in, and shows the new balance and streak', async () => {
    await open(shopper, cloud.url, '/pages/index/index')
    await shopper.locator('#balance').waitFor()
    expect(await textOf(shopper, '#identity-bar')).toContain('顾客1')
    const before = points(await textOf(shopper, '#balance'))
    expect(before).toBe(100)
    expect(await textOf(shopper, '#streak-text')).toBe('今天还没有签到')

    await shopper.click('#checkin-btn')
    await shopper.locator('.taro__modal .taro-modal__content').waitFor()
    expect(await textOf(shopper, '.taro__modal .taro-modal__content')).toContain('+5')
    await shopper.click('.taro__modal .taro-model__confirm')
    expect(points(await textOf(shopper, '#balance'))).toBe(before + 5)
    expect(await textOf(shopper, '#streak-text')).toBe('已连续签到 1 天')
    expect(await shopper.locator('#streak-strip .streak__day--done').count()).toBe(1)
    expect(await textOf(shopper, '#checkin-btn')).toBe('今日已签到')
    await screenshot(shopper, 'home-after-checkin')
  })

  it('lets the clerk issue a purchase code that the shopper claims', async () => {
    await open(staff, cloud.url, '/merchant/staff/index')
    await typeInto(staff, '#amount-input', '500')
    await staff.click('#issue-btn')
    await staff.locator('#purchase-qr').waitFor()
    // shown in groups of four for typing; the shopper types it as shown
    const shown = await textOf(staff, '#purchase-qr .qr__text')
    expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){3}$/)
    const code = shown.replace(/\s/g, '')
    expect(await staff.locator('#purchase-qr img').getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    await screenshot(staff, 'staff-purchase-code')

    await open(shopper, cloud.url, '/pages/scan/index')
    await claimTyped(shopper, shown)
    const awarded = points(await textOf(shopper, '#claim-awarded'))
    expect(awarded).toBeGreaterThanOrEqual(500)
    expect(points(await textOf(shopper, '#claim-balance'))).toBe(105 + awarded)
    await screenshot(shopper, 'scan-claimed')

    // The same code a second time is refused with the server's message.
    await open(shopper, cloud.url, `/pages/scan/index?code=${code}`)
    await shopper.locator('#preview-error').waitFor()
    expect(await textOf(shopper, '#preview-error')).toBe('这笔消费的积分已经领取过了')
  })

  it('redeems a coffee and shows the voucher with its QR code', async () => {
    await open(shopper, cloud.url, '/pages/mall/index')
    await shopper.locator('#item-coffee').waitFor()
    const before = points(await textOf(shopper, '#mall-balance'))
    await shopper.click('#redeem-coffee')
    expect(await confirmModal(shopper)).toBe('确定用 500 积分兑换「中杯咖啡」吗？')
    await shopper.locator('#redeem-success').waitFor()
    expect(points(await textOf(shopper, '#mall-balance'))).toBe(before - 500)
    await screenshot(shopper, 'mall-redeemed')

    await open(shopper, cloud.url, '/pages/vouchers/index')
    const card = shopper.locator('.voucher').first()
    await card.waitFor()
    expect(await card.innerText()).toContain('中杯咖啡')
    expect(await card.locator('.voucher__status').innerText()).toBe('待使用')
    voucherCode = (await card.locator('.qr__text').innerText()).replace(/\s/g, '')
    expect(voucherCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)
    await shopper.click(`#use-${voucherCode}`)
    expect(await shopper.locator('#voucher-qr-sheet .qr__img img').getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    expect(await shopper.locator('.voucher').count()).toBe(1)
    await screenshot(shopper, 'vouchers-pending')
  })

  it('lets the clerk look the voucher up and fulfil it; the shopper sees it fulfilled', async () => {
    await open(staff, cloud.url, '/merchant/staff/index')
    await typeInto(staff, '#voucher-code-input', voucherCode)
    await staff.click('#lookup-btn')
    await staff.locator('#lookup-result').waitFor()
    expect(await textOf(staff, '#lookup-result')).toContain('中杯咖啡')
    expect(await textOf(staff, '#lookup-status')).toBe('待使用')
    await staff.click('#fulfil-btn')
    await staff.locator('#voucher-message').waitFor()
    expect(await textOf(staff, '#voucher-message')).toBe('核销成功')
    expect(await textOf(staff, '#lookup-status')).toBe('已核销')
    await screenshot(staff, 'staff-fulfilled')

    await open(shopper, cloud.url, '/pages/vouchers/index')
    const card = shopper.locator(`#voucher-${voucherCode}`)
    await card.waitFor()
    expect(await card.locator('.voucher__status').innerText()).toBe('已核销')
    expect(await card.locator('.qr__img').count()).toBe(0)
    await screenshot(shopper, 'vouchers-fulfilled')
  })

  it('keeps 兑换 off for an item out of reach and says how many points are missing', async () => {
    await open(shopper, cloud.url, '/pages/mall/index')
    await shopper.locator('#item-video_month').waitFor()
    const before = points(await textOf(shopper, '#mall-balance'))
    expect(await textOf(shopper, '#note-video_month')).toBe(`还差 ${(5000 - before).toLocaleString('en-US')} 积分`)
    expect(await shopper.locator('#redeem-video_month.btn--disabled').count()).toBe(1)
    const direct = await callAs<{ ok: boolean; error?: { code: string; message: string } }>(cloud.url, SHOPPER, 'exchange', {
      action: 'redeem',
      itemId: 'video_month',
      requestId: 'e2e-direct',
    })
    expect(direct.error?.code).toBe('INSUFFICIENT_POINTS')
    expect(points(await textOf(shopper, '#mall-balance'))).toBe(before)
    await screenshot(shopper, 'mall-insufficient')
  })

  it('shows the history, the check-in calendar and the profile', async () => {
    await open(shopper, cloud.url, '/pages/history/index')
    await shopper.locator('.ledger-entry').first().waitFor()
    // Sign-up, check-in, purchase and the redemption at least, newest first: the redemption leads.
    expect(await shopper.locator('.ledger-entry').count()).toBeGreaterThanOrEqual(4)
    expect(await shopper.locator('.ledger-entry').first().locator('.delta-minus').innerText()).toBe('-500')
    await screenshot(shopper, 'history')

    await open(shopper, cloud.url, '/pages/checkin/index')
    await shopper.locator('#calendar').waitFor()
    expect(await shopper.locator('#calendar .calendar__date--checked').count()).toBe(1)
    expect(await textOf(shopper, '#calendar-count')).toBe('本月已签到 1 天')
    await screenshot(shopper, 'checkin-calendar')

    await open(shopper, cloud.url, '/pages/profile/index')
    await shopper.locator('#profile-save').waitFor()
    await typeInto(shopper, '#address', '上海市徐汇区漕溪北路 88 号')
    await shopper.click('#profile-save')
    await shopper.locator('.taro__toast').getByText('+30').waitFor()
    await expect.poll(() => textOf(shopper, '#address-bonus')).toBe('已领取')
    await shopper.click('#subscribe-btn')
    await shopper.locator('.taro__toast').getByText('已订阅提醒').waitFor()
    await screenshot(shopper, 'profile-saved')
  })

  it('rewards the sharer when a friend opens a shared item', async () => {
    type Env = { ok: boolean; data: { balance: number } }
    const before = (await callAs<Env>(cloud.url, SHOPPER, 'member', { action: 'summary' })).data.balance
    await open(shopper, cloud.url, '/pages/mall/index')
    await shopper.click('#share-coffee')
    await shopper.locator('#share-link').waitFor()
    const link = (await textOf(shopper, '#share-link')).replace(/^.*?(http\S+)$/, '$1')
    expect(link).toMatch(/shareId=.+&itemId=coffee$/)

    const friendCtx = await actAs(browser, 'demo-shopper-2')
    const friend = await friendCtx.newPage()
    await friend.goto(link)
    await friend.locator('#item-coffee').waitFor()
    expect(await friend.locator('#item-coffee').getAttribute('class')).toContain('item--highlight')
    await expect.poll(async () => (await callAs<Env>(cloud.url, SHOPPER, 'member', { action: 'summary' })).data.balance).toBe(before + 5)
    await screenshot(friend, 'mall-opened-from-share')
    await friendCtx.close()
  })

  it('shows the owner the period metrics', async () => {
    const ownerCtx = await actAs(browser, 'demo-admin')
    const owner = await ownerCtx.newPage()
    await open(owner, cloud.url, '/merchant/admin/index')
    await owner.locator('#metrics .stat').first().waitFor()
    const metrics = await textOf(owner, '#metrics')
    expect(metrics).toContain('会员总数')
    expect(metrics).toContain('积分消耗率')
    expect(await owner.locator('#metrics .chart__bar').count()).toBeGreaterThan(0)
    await owner.click('#period-30d')
    await owner.locator('#metrics .stat').first().waitFor()
    await screenshot(owner, 'admin')
    await ownerCtx.close()
  })

  it("refuses the owner pages to a shopper with the server's message and the way to join", async () => {
    await open(shopper, cloud.url, '/merchant/admin/index')
    await shopper.locator('#not-owner').waitFor()
    const direct = await callAs<{ ok: boolean; error?: { code: string; message: string } }>(cloud.url, SHOPPER, 'store', {
      action: 'metrics',
      from: '2026-01-01',
      to: '2026-01-02',
    })
    expect(direct.error?.code).toBe('PERMISSION_DENIED')
    expect(await textOf(shopper, '#not-owner')).toContain(direct.error!.message)
    expect(await textOf(shopper, '#go-join')).toBe('加入店铺')
  })

  it('pays part of an order with points when the shopper asks to', async () => {
    await open(staff, cloud.url, '/merchant/staff/index')
    await typeInto(staff, '#amount-input', '88.50')
    await staff.click('#issue-btn')
    await staff.locator('#purchase-qr').waitFor()
    expect(await textOf(staff, '#issued')).toContain('¥88.50')
    const code = (await textOf(staff, '#purchase-qr .qr__text')).replace(/\s/g, '')

    // Opened from the code itself (a mini-program code's scene, or ?code= on H5): the field is filled in.
    await open(shopper, cloud.url, `/pages/scan/index?code=${code}`)
    await shopper.locator('#claim-code input').waitFor()
    expect(await shopper.locator('#claim-code input').inputValue()).toBe(code)
    await confirmPreview(shopper, 1)
    const result = await textOf(shopper, '#claim-result')
    expect(result).toContain('积分抵扣')
    const paid = Number(/实付金额\s*¥([\d.]+)/.exec(result)?.[1])
    expect(paid).toBeLessThan(88.5)
    expect(paid).toBeGreaterThanOrEqual(88.5 * 0.9)
    await screenshot(shopper, 'scan-paid-with-points')
  })

  it('switches identity from the bar and shows that member', async () => {
    await open(shopper, cloud.url, '/pages/index/index')
    await shopper.locator('#balance').waitFor()
    // the tab pages stay in the document, each with its own bar: the one on screen is tapped
    await shopper.click('#identity-demo-shopper-3:visible')
    await shopper.waitForFunction(() => localStorage.getItem('pointsClub.identity') === 'demo-shopper-3')
    await shopper.locator('#balance').waitFor()
    expect(await shopper.locator('#identity-demo-shopper-3:visible').getAttribute('class')).toContain('identity-bar__chip--on')
    expect(points(await textOf(shopper, '#balance'))).toBe(100)
    expect(await textOf(shopper, '#streak-text')).toBe('今天还没有签到')
  })

  it('lets the clerk reject a voucher: the shopper gets the points back and finds it under 已驳回', async () => {
    const friendCtx = await actAs(browser, 'demo-shopper-2')
    const friend = await friendCtx.newPage()
    await open(staff, cloud.url, '/merchant/staff/index')
    await typeInto(staff, '#amount-input', '200')
    await staff.click('#issue-btn')
    await staff.locator('#purchase-qr').waitFor()
    const code = (await textOf(staff, '#purchase-qr .qr__text')).replace(/\s/g, '')
    await open(friend, cloud.url, '/pages/scan/index')
    await claimTyped(friend, code)
    const afterClaim = points(await textOf(friend, '#claim-balance'))

    await open(friend, cloud.url, '/pages/mall/index')
    await friend.click('#redeem-free_delivery')
    await confirmModal(friend)
    await friend.locator('#redeem-success').waitFor()
    expect(points(await textOf(friend, '#mall-balance'))).toBe(afterClaim - 200)
    await open(friend, cloud.url, '/pages/vouchers/index')
    const voucher = (await friend.locator('.voucher .qr__text').first().innerText()).replace(/\s/g, '')

    await open(staff, cloud.url, '/merchant/staff/index')
    await typeInto(staff, '#voucher-code-input', voucher)
    await staff.click('#lookup-btn')
    await staff.locator('#reject-btn').waitFor()
    await typeInto(staff, '#reject-reason', '顾客改选其他商品')
    await staff.click('#reject-btn')
    await staff.locator('#voucher-message').waitFor()
    expect(await textOf(staff, '#lookup-status')).toBe('已驳回')

    await open(friend, cloud.url, '/pages/vouchers/index')
    await friend.locator(`#voucher-${voucher}`).waitFor()
    await friend.click('#filter-rejected')
    // The unfiltered list is still on screen for a moment: wait for the filtered answer.
    await expect
      .poll(() => friend.locator('.voucher[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
      .toEqual(['rejected'])
    expect(await friend.locator(`#voucher-${voucher}`).count()).toBe(1)
    await friend.click('#filter-pending')
    await friend.getByText('没有待使用的券').waitFor()
    await open(friend, cloud.url, '/pages/index/index')
    await friend.locator('#balance').waitFor()
    expect(points(await textOf(friend, '#balance'))).toBe(afterClaim)
    await screenshot(friend, 'home-after-refund')
    await friendCtx.close()
  })

  it('warns about points that expire within days, by the merchant clock and the phone clock', async () => {
    // Five and a half days before shopper 3's sign-up points expire, whatever day the suite runs.
    type Env = { ok: boolean; data: { expiring: { expiresAt: string }[] } }
    const summary = await callAs<Env>(cloud.url, 'demo-shopper-3', 'member', { action: 'summary' })
    const expiresAt = Date.parse(summary.data.expiring[0]!.expiresAt)
    const now = new Date(expiresAt - 5.5 * 86400_000).toISOString()
    const setClock = (iso: string | null) =>
      fetch(`${cloud.url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: iso }) })
    expect((await setClock(now)).ok).toBe(true)
    const ctx = await actAs(browser, 'demo-shopper-3')
    await ctx.clock.install({ time: new Date(now) })
    const page = await ctx.newPage()
    try {
      await open(page, cloud.url, '/pages/index/index')
      await page.locator('#expiring').waitFor()
      expect(await textOf(page, '#expiring')).toContain('6 天后过期')
      await screenshot(page, 'home-points-expiring')
    } finally {
      await ctx.close()
      await setClock(null)
    }
  })
})
