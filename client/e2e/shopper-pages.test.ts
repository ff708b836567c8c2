import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { actAs, callAs, launch, open, screenshot, tap, textOf } from './browser'
import { startCloud, type StartedCloud } from './local-cloud'

// The shopper's pages at a phone's size, driven by real pointer taps (a disabled button is tapped, not skipped).
const PHONE = { width: 375, height: 812 }
const SHOPPER_PAGES = [
  '/pages/index/index',
  '/pages/mall/index',
  '/pages/profile/index',
  '/pages/vouchers/index',
  '/pages/history/index',
  '/pages/checkin/index',
  '/pages/scan/index',
  '/pages/member-code/index',
]
type Env<T> = { ok: boolean; data: T; error?: { code: string; message: string } }

describe('the shopper pages at 375×812', () => {
  let cloud: StartedCloud
  let browser: Browser

  beforeAll(async () => {
    cloud = await startCloud()
    browser = await launch()
  }, 150_000)

  afterAll(async () => {
    await browser?.close()
    await cloud?.stop()
  })

  async function pageAs(openid: string): Promise<Page> {
    const page = await (await actAs(browser, openid)).newPage()
    await page.setViewportSize(PHONE)
    return page
  }

  // Taro's H5 modal (Taro.showModal): its words, then its confirm button tapped.
  async function modalText(page: Page): Promise<string> {
    const modal = page.locator('.taro__modal .taro-modal__content')
    await modal.waitFor({ state: 'visible' })
    return (await modal.innerText()).replace(/\s+/g, ' ').trim()
  }
  async function confirmModal(page: Page): Promise<void> {
    await tap(page, '.taro__modal .taro-model__confirm')
    await page.locator('.taro__modal .taro-modal__content').waitFor({ state: 'hidden' })
  }
  const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible()

  it('checks in with a reward pop-up; the greyed button then sends nothing and shows nothing', async () => {
    const page = await pageAs('demo-shopper-1')
    await open(page, cloud.url, '/pages/index/index')
    await page.locator('#balance').waitFor()
    const summary = await callAs<Env<{ display: { checkIn: { daily: number } } }>>(cloud.url, 'demo-shopper-1', 'member', { action: 'summary' })
    const daily = summary.data.display.checkIn.daily
    expect(await page.locator('#streak-strip .streak__dot').first().innerText()).toBe(`+${daily}`)
    await screenshot(page, 'shopper-home-before-checkin')

    await tap(page, '#checkin-btn')
    expect(await modalText(page)).toContain(`签到成功 +${daily} 积分`)
    await screenshot(page, 'shopper-home-checkin-reward')
    await confirmModal(page)
    await expect.poll(() => textOf(page, '#checkin-btn')).toBe('今日已签到')

    const requests: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/functions/')) requests.push(r.url())
    })
    for (let i = 0; i < 3; i++) await tap(page, '#checkin-btn')
    await page.waitForTimeout(1500)
    expect(requests).toEqual([])
    expect(await visible(page, '#checkin-error')).toBe(false)
    expect(await visible(page, '.taro__modal .taro-modal__content')).toBe(false)
    await screenshot(page, 'shopper-home-after-checkin')
    await page.context().close()
  })

  it('switches pages from the tab bar, titles every page, and goes back from a page below a tab', async () => {
    const page = await pageAs('demo-shopper-2')
    await open(page, cloud.url, '/pages/index/index')
    await page.locator('#balance').waitFor()
    await tap(page, '.weui-tabbar__item:has-text("积分商城")')
    await page.locator('#page-mall').waitFor()
    expect(await textOf(page, '.taro-navigation-bar-title')).toBe('积分商城')
    await tap(page, '.weui-tabbar__item:has-text("我的")')
    await page.locator('#me-entries:visible').waitFor()
    expect(await textOf(page, '.taro-navigation-bar-title')).toBe('我的')
    await tap(page, '#link-history:visible')
    await page.locator('#page-history').waitFor()
    expect(await textOf(page, '.taro-navigation-bar-title')).toBe('积分明细')
    const back = page.locator('.taro-navigation-bar-back')
    const box = await back.boundingBox()
    expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(44)
    await tap(page, '.taro-navigation-bar-back')
    await expect.poll(() => textOf(page, '.taro-navigation-bar-title')).toBe('我的')
    await tap(page, '.weui-tabbar__item:has-text("首页")')
    await expect.poll(() => textOf(page, '.taro-navigation-bar-title')).toBe('会员中心')

    for (const route of SHOPPER_PAGES) {
      await open(page, cloud.url, route)
      await expect.poll(() => textOf(page, '.taro-navigation-bar-title'), { message: route }).not.toBe('')
    }
    await page.context().close()
  })

  it('shows no Latin letters on any shopper page, but codes', async () => {
    const page = await pageAs('demo-shopper-2')
    for (const route of SHOPPER_PAGES) {
      await open(page, cloud.url, route)
      await page.waitForLoadState('networkidle')
      await page
        .locator('.skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined)
      const text = await page.evaluate(() => {
        const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null)
        const chrome = ['.taro-navigation-bar-title', '.weui-tabbar'].map((s) => document.querySelector<HTMLElement>(s)?.innerText ?? '')
        return [...pages.map((p) => p.innerText.replace(document.querySelector<HTMLElement>('#identity-bar')?.innerText ?? '', '')), ...chrome].join(
          '\n',
        )
      })
      // a code is shown in groups of four for typing; nothing else may carry a Latin letter
      const words = text.replace(/[0-9A-Z]{4}( [0-9A-Z]{4})+/g, '').match(/[A-Za-z]+/g) ?? []
      expect({ route, words }).toEqual({ route, words: [] })
    }
    await page.context().close()
  })

  it('shows the staff and owner entries only to staff and admins, and keeps a long nickname inside the card', async () => {
    const long = '一个非常非常长的昵称用来检查会员卡片是否还能保持完整的样子'
    await callAs(cloud.url, 'demo-shopper-3', 'member', { action: 'login' })
    await callAs(cloud.url, 'demo-shopper-3', 'member', { action: 'updateProfile', nickname: long })
    const entries = async (openid: string) => {
      const page = await pageAs(openid)
      await open(page, cloud.url, '/pages/index/index')
      await page.locator('#home-entries').waitFor()
      const home = await page.locator('#home-entries .grid__item .ellipsis').allInnerTexts()
      await open(page, cloud.url, '/pages/profile/index')
      await page.locator('#me-entries:visible').waitFor()
      const mine = await page.locator('#me-entries .grid__item .ellipsis').allInnerTexts()
      return { page, both: [...home, ...mine].map((t) => t.trim()) }
    }
    const shopper = await entries('demo-shopper-3')
    expect(shopper.both.filter((t) => t === '店员工作台' || t === '店主后台')).toEqual([])
    const clerk = await entries('demo-staff')
    expect(clerk.both.filter((t) => t === '店员工作台' || t === '店主后台')).toEqual(['店员工作台', '店员工作台'])
    const owner = await entries('demo-admin')
    expect(owner.both.filter((t) => t === '店主后台')).toHaveLength(2)

    await open(shopper.page, cloud.url, '/pages/index/index')
    await shopper.page.locator('#tier-card:visible').waitFor()
    const fits = await shopper.page.evaluate(() => {
      const card = document.querySelector<HTMLElement>('#tier-card')!.getBoundingClientRect()
      const badge = document.querySelector<HTMLElement>('#tier-name')!.getBoundingClientRect()
      const name = document.querySelector<HTMLElement>('#member-name')!
      return { inside: badge.right <= card.right && card.width <= window.innerWidth, ellipsized: name.scrollWidth > name.clientWidth }
    })
    expect(fits).toEqual({ inside: true, ellipsized: true })
    await screenshot(shopper.page, 'shopper-home-long-nickname')
    await screenshot(clerk.page, 'shopper-mine-as-clerk')
    for (const p of [shopper.page, clerk.page, owner.page]) await p.context().close()
  })

  it('checks in from the calendar by tapping today, marks bonus days apart and switches months', async () => {
    const page = await pageAs('demo-shopper-2')
    await open(page, cloud.url, '/pages/checkin/index')
    await page.locator('#calendar-today').waitFor()
    expect(await page.locator('#calendar-today').getAttribute('class')).not.toContain('calendar__date--bonus')
    const month = await textOf(page, '#month-label')
    await screenshot(page, 'shopper-checkin-before')

    await tap(page, '#calendar-today')
    expect(await modalText(page)).toContain('签到成功')
    await confirmModal(page)
    await expect.poll(() => page.locator('#calendar-today').getAttribute('class')).toContain('calendar__date--checked')
    expect(await textOf(page, '#calendar-count')).toBe('本月已签到 1 天')
    await screenshot(page, 'shopper-checkin-after')

    await tap(page, '#month-next')
    await expect.poll(() => textOf(page, '#month-label')).not.toBe(month)
    await page.locator('#calendar').waitFor()
    expect(await textOf(page, '#calendar-count')).toBe('本月已签到 0 天')
    // a streak bonus day falls within the next seven days, so in this month or the next
    const bonusDays = await page.locator('#calendar .calendar__date--bonus').count()
    await tap(page, '#month-prev')
    await expect.poll(() => textOf(page, '#month-label')).toBe(month)
    await page.locator('#calendar-today').waitFor()
    expect(bonusDays + (await page.locator('#calendar .calendar__date--bonus').count())).toBeGreaterThan(0)
    expect(await page.locator('#calendar .calendar__date--bonus.calendar__date--checked').count()).toBe(0)
    await page.context().close()
  })

  it('filters the history to points in or out', async () => {
    await callAs(cloud.url, 'demo-shopper-1', 'exchange', { action: 'draw', requestId: 'e2e-history-draw' })
    const page = await pageAs('demo-shopper-1')
    await open(page, cloud.url, '/pages/history/index')
    await page.locator('.ledger-entry').first().waitFor()
    const signs = () => page.locator('.ledger-entry > taro-text-core').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim().charAt(0)))
    expect(new Set(await signs())).toEqual(new Set(['+', '-']))
    const all = (await signs()).length
    await screenshot(page, 'shopper-history-all')
    await tap(page, '#filter-out')
    await expect.poll(signs).toEqual(['-'])
    await screenshot(page, 'shopper-history-out')
    await tap(page, '#filter-in')
    await expect.poll(async () => [...new Set(await signs())]).toEqual(['+'])
    expect((await signs()).length).toBe(all - 1)
    expect(await page.locator('#filter-in').getAttribute('class')).toContain('chip--on')
    await page.context().close()
  })

  // The H5 date picker: its year column dragged down by the mouse, then 确定.
  async function pickEarlyYear(page: Page): Promise<void> {
    await tap(page, '#birthday')
    const year = page.locator('.weui-picker__group').first()
    await year.waitFor({ state: 'visible' })
    // the sheet slides up for 0.3 s: drag once it stands still
    await page.waitForTimeout(500)
    const box = (await year.boundingBox())!
    const x = box.x + box.width / 2
    for (let i = 0; i < 8; i++) {
      await page.mouse.move(x, box.y + 40)
      await page.mouse.down()
      await page.mouse.move(x, box.y + 130, { steps: 6 })
      await page.mouse.move(x, box.y + 220, { steps: 6 })
      await page.mouse.up()
      await page.waitForTimeout(150)
    }
    await tap(page, '.weui-picker__action:has-text("确定")')
    await page.locator('.weui-picker__overlay').first().waitFor({ state: 'hidden' })
    // the closed sheet still takes a tap for a moment after it hides, as a finger would wait for
    await page.waitForTimeout(800)
  }

  it('takes a birthday before 1970 after a warning that it cannot change', async () => {
    const page = await pageAs('demo-shopper-3')
    await open(page, cloud.url, '/pages/profile/index')
    await page.locator('#profile-save').waitFor()
    await screenshot(page, 'shopper-profile-before')
    await pickEarlyYear(page)
    const picked = await textOf(page, '#birthday')
    expect(Number(picked.slice(0, 4))).toBeLessThan(1970)
    await tap(page, '#profile-save')
    expect(await modalText(page)).toContain('生日保存后不能修改')
    await confirmModal(page)
    await expect
      .poll(
        async () =>
          (await callAs<Env<{ profile: { birthday: string } }>>(cloud.url, 'demo-shopper-3', 'member', { action: 'summary' })).data.profile.birthday,
      )
      .toBe(picked)
    await expect.poll(() => textOf(page, '#birthday-bonus')).toBe('已领取')
    await screenshot(page, 'shopper-profile-after')
    await page.context().close()
  })

  it('puts a refused birthday back to the one the server holds', async () => {
    const page = await pageAs('demo-shopper-2')
    await open(page, cloud.url, '/pages/profile/index')
    await page.locator('#profile-save').waitFor()
    await pickEarlyYear(page)
    // meanwhile the birthday was set from another phone
    await callAs(cloud.url, 'demo-shopper-2', 'member', { action: 'updateProfile', birthday: '1980-02-02' })
    await tap(page, '#profile-save')
    await modalText(page)
    await confirmModal(page)
    await page.locator('#profile-error').waitFor()
    expect(await textOf(page, '#profile-error')).not.toMatch(/[A-Za-z]/)
    await expect.poll(() => textOf(page, '#birthday')).toBe('1980-02-02')
    await screenshot(page, 'shopper-profile-refused')
    await page.context().close()
  })
})
