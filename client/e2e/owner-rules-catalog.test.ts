import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { confirmModal, open, screenshot, tap, textOf, typeInto, whenEnabled } from './browser'
import { browserSession } from './session'

// Answers come from functions on a busy machine: wait for them as the page would, for seconds, not the default one.
const SLOW = { timeout: 15_000 }
/** A 1×1 PNG, as a phone's album would hand over a picture. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
/** Each function instance keeps the rules this long before reading them again. */
const RULES_CACHE_MS = 5_100

// The owner's rules form and catalog editor in Chromium, and what a shopper then sees.
describe("the owner's rules and catalog", () => {
  const session = browserSession()
  let owner: Page
  let shopper: Page

  const pageAs = (openid: string) => session.pageAs(openid)
  const call = <T>(openid: string, fn: string, event: Record<string, unknown>) => session.call<T>(openid, fn, event)
  const storedRules = () =>
    call<{ rules: { checkIn: { daily: number }; counter: { maxOrderFen: number } } }>('demo-admin', 'store', { action: 'rules' }).then((d) => d.rules)

  beforeAll(async () => {
    await session.start()
    owner = await pageAs('demo-admin')
    shopper = await pageAs('demo-shopper-1')
  }, 240_000)

  afterAll(() => session.stop())

  it("changes the check-in points in the form, and the shopper's home shows the new number", async () => {
    await open(owner, session.url, '/merchant/rules/index')
    await owner.locator('#rule-checkIn-daily input').waitFor(SLOW)
    expect(await owner.locator('#rule-checkIn-daily input').inputValue()).toBe('5')
    // money is shown in 元
    expect(await owner.locator('#rule-counter-maxOrderFen input').inputValue()).toBe('5000')
    await typeInto(owner, '#rule-checkIn-daily', '8')
    await whenEnabled(owner, '#rules-save')
    await tap(owner, '#rules-save')
    await owner.getByText('规则已保存').first().waitFor(SLOW)
    expect((await storedRules()).checkIn.daily).toBe(8)
    await screenshot(owner, 'owner-rules')

    await new Promise((r) => setTimeout(r, RULES_CACHE_MS))
    await open(shopper, session.url, '/pages/index/index')
    await shopper.locator('#checkin-btn').waitFor(SLOW)
    expect(await textOf(shopper, '#streak-strip .streak__day--today .streak__dot')).toBe('+8')
    await tap(shopper, '#checkin-btn')
    // the reward comes in Taro's pop-up: its title, then its words
    await shopper.locator('.taro-modal__content >> visible=true').waitFor(SLOW)
    expect(await textOf(shopper, '.taro-modal__content >> visible=true >> .taro-modal__title')).toBe('签到成功')
    expect(await confirmModal(shopper)).toBe('+8 积分')
  })

  it('shows the reason beside a value out of bounds, and 保存 then sends nothing', async () => {
    await open(owner, session.url, '/merchant/rules/index')
    await owner.locator('#rule-checkIn-daily input').waitFor(SLOW)
    const saves: string[] = []
    owner.on('request', (req) => {
      if (req.url().includes('/functions/store') && req.postData()?.includes('"rules":{')) saves.push(req.postData()!)
    })
    await typeInto(owner, '#rule-checkIn-daily', '20000')
    await typeInto(owner, '#rule-counter-maxOrderFen', '0.5')
    expect(await textOf(owner, '#rule-checkIn-daily .form-row__problem')).toBe('单项积分最多 10000')
    expect(await textOf(owner, '#rule-counter-maxOrderFen .form-row__problem')).toBe('单笔订单上限至少 1 元')
    await owner.locator('#rules-save.btn--disabled').waitFor()
    await tap(owner, '#rules-save')
    await tap(owner, '#rules-save')
    await new Promise((r) => setTimeout(r, 1_000))
    expect(saves).toEqual([])
    expect(await storedRules()).toMatchObject({ checkIn: { daily: 8 }, counter: { maxOrderFen: 5000_00 } })

    // put right, the reasons go and 保存 works again
    await typeInto(owner, '#rule-checkIn-daily', '8')
    await typeInto(owner, '#rule-counter-maxOrderFen', '4000.5')
    expect(await owner.locator('#rule-checkIn-daily .form-row__problem').count()).toBe(0)
    await whenEnabled(owner, '#rules-save')
    await tap(owner, '#rules-save')
    await owner.getByText('规则已保存').first().waitFor(SLOW)
    expect(saves).toHaveLength(1)
    expect((await storedRules()).counter.maxOrderFen).toBe(4000_50)
  })

  it("gives an item a picture, and the shopper's mall shows it", async () => {
    const retired = { id: 'retired_tea', name: '停售奶茶', kind: 'goods', points: 300, stock: 0, active: false }
    await call('demo-admin', 'store', { action: 'saveItem', item: retired })
    await open(owner, session.url, '/merchant/catalog/index')
    await owner.locator('#owner-item-coffee').waitFor(SLOW)
    expect(await textOf(owner, '#owner-item-retired_tea .tag')).toBe('已下架')
    await screenshot(owner, 'owner-catalog')

    await tap(owner, '#owner-item-coffee')
    await owner.locator('#item-image-choose').waitFor(SLOW)
    const [chooser] = await Promise.all([owner.waitForEvent('filechooser'), tap(owner, '#item-image-choose')])
    await chooser.setFiles({ name: 'coffee.png', mimeType: 'image/png', buffer: PNG })
    await owner.locator('#item-image-preview img').waitFor(SLOW)
    await typeInto(owner, '#item-points', '450')
    await screenshot(owner, 'owner-item-edit')
    await tap(owner, '#item-save')
    await owner.locator('#page-catalog').waitFor(SLOW)
    const { items } = await call<{ items: Array<{ id: string; image?: string; points: number }> }>('demo-admin', 'store', { action: 'items' })
    expect(items.find((i) => i.id === 'coffee')).toMatchObject({ image: expect.stringMatching(/^cloud:\/\/.+\.png$/), points: 450 })

    await open(shopper, session.url, '/pages/mall/index')
    const img = shopper.locator('#item-image-coffee img')
    await img.waitFor(SLOW)
    await shopper.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle(), SLOW)
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(await textOf(shopper, '#item-coffee .item__points')).toBe('450 积分')
  })
})
