import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callAs, open, screenshot, tap, textOf, typeInto } from './browser'
import { browserSession, type Env } from './session'

/** RFC 4180 as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (ch === '"') quoted = !quoted
    else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) cell += ch
    else if (ch === ',') endCell()
    else if (ch === '\n') {
      endCell()
      rows.push(row)
      row = []
    }
  }
  return rows
}

// The owner's back office in Chromium: the hub's figures and trend chart, a clerk joining by invite, a member's
// points adjusted with a reason the member reads, and a CSV export downloaded and read back.
describe("the owner's back office", () => {
  const session = browserSession()
  let owner: Page
  const REASON = '补录门店活动积分'

  const pageAs = (openid: string) => session.pageAs(openid)
  const call = <T>(openid: string, fn: string, event: Record<string, unknown>) => session.call<T>(openid, fn, event)
  // Taro's H5 modal keeps earlier dialogs hidden in the page: the one on screen is the visible one
  const confirmModal = (page: Page) => tap(page, '.taro-model__confirm:visible')

  beforeAll(async () => {
    await session.start()
    owner = await pageAs('demo-admin')
    // some points moving today, so the trend has something to draw
    await call('demo-shopper-1', 'checkin', { action: 'checkIn' })
    await call('demo-shopper-3', 'checkin', { action: 'checkIn' })
  }, 150_000)

  afterAll(() => session.stop())

  it('draws the daily trend of points issued, redeemed and expired, and labels the rates in Chinese', async () => {
    await open(owner, session.url, '/merchant/admin/index')
    await owner.locator('#metric-rates .stat').first().waitFor()
    expect(await textOf(owner, '#metric-rates')).toMatch(/获得积分会员占比[\s\S]*积分消耗率[\s\S]*复购率/)
    expect(await textOf(owner, '#chart-promotions')).toContain('银卡')
    const inked = () =>
      owner.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('#trend-chart canvas')
        const ctx = canvas?.getContext('2d')
        if (!canvas || !ctx || !canvas.width || !canvas.height) return 0
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data
        let n = 0
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) n++
        return n
      })
    await expect.poll(inked, { timeout: 10_000 }).toBeGreaterThan(500)
    await tap(owner, '#period-90d')
    await owner.locator('#metric-rates .stat').first().waitFor()
    await expect.poll(inked, { timeout: 10_000 }).toBeGreaterThan(500)
    await screenshot(owner, 'owner-hub')
  })

  it('adds a clerk by invite: the owner makes it, the clerk opens it in another browser, joins and reaches the counter', async () => {
    await open(owner, session.url, '/merchant/team/index')
    await owner.locator('.staff-row').first().waitFor()
    await screenshot(owner, 'owner-team')
    await tap(owner, '#invite-role-staff')
    await typeInto(owner, '#invite-name', '小周')
    await tap(owner, '#invite-create')
    await owner.locator('#invite-qr').waitFor()
    const link = await textOf(owner, '#invite-link')
    expect(link).toMatch(/#\/merchant\/join\/index\?code=/)
    await screenshot(owner, 'owner-invite')

    const clerk = await pageAs('demo-shopper-2')
    await clerk.goto(link)
    await tap(clerk, '#join-submit')
    expect(await textOf(clerk, '#joined .card__title')).toBe('已成为店员')
    await tap(clerk, '#go-staff')
    await clerk.locator('#page-staff #issue-btn').waitFor()
    // the invite was for one use only
    await clerk.goto(link)
    await tap(clerk, '#join-submit')
    await clerk.locator('#join-error').waitFor()

    await owner.reload()
    await owner.locator('.staff-row[data-openid="demo-shopper-2"]').waitFor()
    expect(await textOf(owner, '.staff-row[data-openid="demo-shopper-2"]')).toMatch(/小周\s*店员/)
  })

  it("adjusts a member's balance with a reason the member then reads in their history; never below zero", async () => {
    const me = await call<{ memberNo: string; balance: number }>('demo-shopper-1', 'member', { action: 'summary' })
    await open(owner, session.url, '/merchant/members/index')
    await typeInto(owner, '#member-query', me.memberNo)
    await tap(owner, '#member-search')
    await owner.locator('.member-row[data-openid="demo-shopper-1"]').waitFor()
    await expect.poll(() => owner.locator('.member-row').count()).toBe(1)
    await screenshot(owner, 'owner-members')
    await tap(owner, '.member-row[data-openid="demo-shopper-1"]')
    await owner.locator('#member-balance').waitFor()

    await typeInto(owner, '#adjust-amount', '50')
    await typeInto(owner, '#adjust-reason', REASON)
    await tap(owner, '#adjust-submit')
    await confirmModal(owner)
    await expect.poll(() => textOf(owner, '#member-balance')).toBe((me.balance + 50).toLocaleString('en-US'))
    expect(await textOf(owner, '#member-ledger .ledger-entry')).toContain(`商家调整：${REASON}`)
    // the 已调整 toast sits over the middle of the screen for a moment, as on a phone
    await owner.getByText('已调整', { exact: true }).waitFor({ state: 'hidden' })

    await typeInto(owner, '#adjust-amount', '-999999')
    await typeInto(owner, '#adjust-reason', '扣光')
    await tap(owner, '#adjust-submit')
    await confirmModal(owner)
    const refused = await callAs<Env<unknown>>(session.url, 'demo-admin', 'store', {
      action: 'adjust',
      openid: 'demo-shopper-1',
      delta: -999999,
      reason: '扣光',
      requestId: 'e2e-direct',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } })
    await expect.poll(() => textOf(owner, '#adjust-error')).toBe((refused as { error: { message: string } }).error.message)
    expect(await textOf(owner, '#member-balance')).toBe((me.balance + 50).toLocaleString('en-US'))
    await screenshot(owner, 'owner-member')

    const shopper = await pageAs('demo-shopper-1')
    await open(shopper, session.url, '/pages/history/index')
    await shopper.locator('.ledger-entry').first().waitFor()
    expect(await textOf(shopper, '.ledger-entry')).toContain(`商家调整：${REASON}`)
  })

  it('exports the ledger as a CSV the browser downloads: BOM, header row, the adjustment among the rows', async () => {
    await open(owner, session.url, '/merchant/export/index')
    await tap(owner, '#export-ledger')
    await tap(owner, '#export-period-7d')
    await tap(owner, '#export-run')
    await owner.locator('#export-download').waitFor()
    await screenshot(owner, 'owner-export')
    const [download] = await Promise.all([owner.waitForEvent('download'), tap(owner, '#export-download')])
    expect(download.suggestedFilename()).toMatch(/^积分流水\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d\.csv$/)
    const text = fs.readFileSync(await download.path(), 'utf8')
    expect(text.startsWith('\ufeff')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header).toEqual(['时间', '会员', '类型', '积分变化', '变化后余额', '说明', '记录编号'])
    expect(rows).toContainEqual([
      expect.any(String),
      'demo-shopper-1',
      'adjust',
      '50',
      expect.any(String),
      `商家调整：${REASON}`,
      expect.stringMatching(/^adjust:demo-shopper-1:/),
    ])
    expect(
      rows
        .filter((r) => r[2] === 'checkin')
        .map((r) => r[1])
        .sort(),
    ).toEqual(['demo-shopper-1', 'demo-shopper-3'])
  })
})
