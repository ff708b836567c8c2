import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { confirmModal, open, screenshot, tap, textOf } from './browser'
import { browserSession } from './session'

type Rules = Record<string, unknown> & { lottery: Record<string, unknown> }
const SLOW = { timeout: 10_000 }
const SHOPPER = 'demo-shopper-1'
const points = (text: string) => Number(text.replace(/[^\d]/g, ''))

// The mall, the lottery and today's campaign at a phone's size, with real pointer taps.
describe('the mall, the lottery and the campaign banner', () => {
  const session = browserSession()
  let shopper: Page
  const call = <T>(openid: string, fn: string, event: Record<string, unknown>) => session.call<T>(openid, fn, event)
  // The owner changes one part of the rules, as the back office would save them.
  const setRules = async (change: (rules: Rules) => Rules) => {
    const { rules } = await call<{ rules: Rules }>('demo-admin', 'store', { action: 'rules' })
    await call('demo-admin', 'store', { action: 'rules', rules: change(rules) })
  }
  // The functions keep the rules for a few seconds: reopen the page until it shows what the owner saved.
  const openUntil = async (route: string, selector: string) => {
    await expect
      .poll(
        async () => {
          await open(shopper, session.url, route)
          return shopper
            .locator(selector)
            .waitFor({ timeout: 2_000 })
            .then(
              () => true,
              () => false,
            )
        },
        { timeout: 20_000 },
      )
      .toBe(true)
  }
  // Every redeem or draw the page sends, to prove a disabled button sends none.
  const sent: string[] = []

  beforeAll(async () => {
    await session.start()
    shopper = await session.pageAs(SHOPPER)
    shopper.on('request', (req) => {
      const body = req.postData() ?? ''
      if (/"action":"(redeem|draw)"/.test(body)) sent.push(body)
    })
    // 300 yuan of purchases: enough for a 200-point item and a few draws, far from the 5000-point one
    const { code } = await call<{ code: string }>('demo-staff', 'store', { action: 'issuePurchase', orderId: 'mall-e2e', amountFen: 300_00 })
    await call(SHOPPER, 'store', { action: 'claimPurchase', code })
  }, 150_000)

  afterAll(() => session.stop())

  it('keeps 兑换 inert on an item out of reach: no question, no request, and says how many points are missing', async () => {
    await open(shopper, session.url, '/pages/mall/index')
    await shopper.locator('#item-video_month').waitFor()
    const balance = points(await textOf(shopper, '#mall-balance'))
    expect(await textOf(shopper, '#note-video_month')).toBe(`还差 ${(5000 - balance).toLocaleString('en-US')} 积分`)
    await screenshot(shopper, 'mall-unaffordable-before')
    sent.length = 0
    await tap(shopper, '#redeem-video_month')
    await shopper.waitForTimeout(800)
    expect(await shopper.locator('.taro__modal').filter({ visible: true }).count()).toBe(0)
    expect(sent).toEqual([])
    expect(points(await textOf(shopper, '#mall-balance'))).toBe(balance)
    await screenshot(shopper, 'mall-unaffordable-after')
  })

  it('asks before redeeming, naming the item and its points, then says so in a toast; the voucher counts down to its expiry', async () => {
    const balance = points(await textOf(shopper, '#mall-balance'))
    await tap(shopper, '#redeem-free_delivery')
    await screenshot(shopper, 'mall-confirm')
    expect(await confirmModal(shopper)).toBe('确定用 200 积分兑换「免费配送券」吗？')
    const toast = shopper.locator('.taro__toast p').filter({ hasText: '兑换成功' })
    await toast.waitFor({ state: 'visible' })
    await screenshot(shopper, 'mall-redeemed-toast')
    await expect.poll(async () => points(await textOf(shopper, '#mall-balance')), SLOW).toBe(balance - 200)
    expect(sent.filter((b) => b.includes('"redeem"'))).toHaveLength(1)

    await tap(shopper, '#redeem-success')
    const card = shopper.locator('.voucher[data-status="pending"]').first()
    await card.waitFor()
    expect(await card.locator('.voucher__expiry').innerText()).toMatch(/^还有 \d+天\d+小时 到期$/)
    // the new page slides in for a moment: picture it once it has settled
    await shopper.waitForTimeout(500)
    await screenshot(shopper, 'vouchers-countdown')
  })

  it("draws on a 九宫格 with every prize's odds: the highlight goes round and a loss reads 未中奖", async () => {
    await setRules((r) => ({
      ...r,
      lottery: {
        cost: 10,
        perDay: 3,
        prizes: [
          { id: 'none', name: '谢谢参与', weight: 1 },
          { id: 'p50', name: '5 积分', weight: 0, points: 5 },
        ],
      },
    }))
    await openUntil('/pages/mall/index', '#prize-cell-0:has-text("中奖率 100%")')
    expect(await textOf(shopper, '#prize-cell-1')).toContain('中奖率 0%')
    expect(await textOf(shopper, '#lottery-cost')).toBe('10 积分抽一次 · 今天还可抽 3 次')
    await screenshot(shopper, 'lottery-before')

    await tap(shopper, '#draw-btn')
    const seen = new Set<string>()
    while (!(await shopper.locator('#draw-prize').isVisible())) {
      const lit = await shopper
        .locator('.lottery__cell--lit')
        .first()
        .getAttribute('id')
        .catch(() => null)
      if (lit) seen.add(lit)
      await shopper.waitForTimeout(40)
    }
    expect(seen.size).toBeGreaterThanOrEqual(4)
    expect(await textOf(shopper, '#draw-prize')).toBe('未中奖，下次好运')
    await expect.poll(() => textOf(shopper, '#lottery-cost'), SLOW).toBe('10 积分抽一次 · 今天还可抽 2 次')
    await screenshot(shopper, 'lottery-after')
  })

  it("shows today's campaign on the home page and in the mall", async () => {
    await setRules((r) => ({ ...r, campaigns: [{ id: 'memberday', name: '会员日', from: '2020-01-01', to: '2099-12-31', multiplier: 2 }] }))
    // tab pages stay in the page, hidden: each banner is looked for in its own page
    await openUntil('/pages/index/index', '#page-home #campaign-banner')
    expect(await textOf(shopper, '#page-home #campaign-memberday')).toContain('今天会员日，消费积分×2')
    await screenshot(shopper, 'home-campaign')
    await open(shopper, session.url, '/pages/mall/index')
    await shopper.locator('#page-mall #campaign-banner').waitFor()
    expect(await textOf(shopper, '#page-mall #campaign-memberday')).toContain('今天会员日，消费积分×2')
  })

  it('marks an item kept for higher tiers and counts a 秒杀 down', async () => {
    const saleEnd = new Date(Date.now() + 2 * 3600_000).toISOString()
    await call('demo-admin', 'store', { action: 'saveItem', item: { id: 'flash', name: '限时蛋糕', kind: 'goods', points: 50, stock: 5, saleEnd } })
    await call('demo-admin', 'store', {
      action: 'saveItem',
      item: { id: 'gold_gift', name: '金卡礼盒', kind: 'goods', points: 50, stock: 5, minTier: 'gold' },
    })
    await open(shopper, session.url, '/pages/mall/index')
    await shopper.locator('#item-flash').waitFor()
    expect(await textOf(shopper, '#sale-flash')).toMatch(/^秒杀 剩 1小时5\d分$/)
    expect(await textOf(shopper, '#tier-gold_gift')).toBe('金卡专享')
    expect(await textOf(shopper, '#note-gold_gift')).toBe('金卡及以上可兑换')
    expect(await shopper.locator('#redeem-gold_gift.btn--disabled').count()).toBe(1)
    await screenshot(shopper, 'mall-flash-and-tier')
  })

  it('leads from an empty voucher list to the mall', async () => {
    const page = await session.pageAs('demo-shopper-3')
    await open(page, session.url, '/pages/vouchers/index')
    await page.locator('#vouchers-empty').waitFor()
    await screenshot(page, 'vouchers-empty')
    await tap(page, '#vouchers-to-mall')
    await page.locator('#page-mall').waitFor()
  })
})
