import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { open, screenshot, tap, textOf, typeInto, whenEnabled } from './browser'
import { browserSession } from './session'

type Rules = Record<string, unknown> & { tiers: Record<string, unknown>[] }
const SLOW = { timeout: 10_000 }

// Vouchers with a value at the till, in Chromium at a phone's size: the shopper's preview and the clerk's 会员码 checkout.
describe('coupons at the till', () => {
  const session = browserSession()
  const call = <T>(openid: string, fn: string, event: Record<string, unknown>) => session.call<T>(openid, fn, event)
  const pageAs = (openid: string) => session.pageAs(openid)
  // A 满100减10 coupon from the mall, bought with the 100 points every member starts with.
  const coupon = async (openid: string) =>
    (await call<{ voucher: { code: string } }>(openid, 'exchange', { action: 'redeem', itemId: 'off10', requestId: `coupon-${openid}` })).voucher.code

  beforeAll(async () => {
    await session.start()
    const { rules } = await call<{ rules: Rules }>('demo-admin', 'store', { action: 'rules' })
    await call('demo-admin', 'store', {
      action: 'rules',
      rules: {
        ...rules,
        tiers: rules.tiers.map((t, i) => (i === 0 ? { ...t, discountPercent: 5 } : t)),
        campaigns: [{ id: 'sakura', name: '新品樱花拿铁', from: '2020-01-01', to: '2099-12-31', multiplier: 3, tags: ['new'] }],
      },
    })
    await call('demo-admin', 'store', {
      action: 'saveItem',
      item: { id: 'off10', name: '满减券', kind: 'coupon', points: 100, stock: 10, value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 } },
    })
    // the functions keep the rules they read for 5 s
    await new Promise((r) => setTimeout(r, 5_500))
  }, 150_000)

  afterAll(() => session.stop())

  it('lets the shopper pick a coupon in the preview and see 实付 drop, after the tier discount', async () => {
    const voucher = await coupon('demo-shopper-1')
    const { code } = await call<{ code: string }>('demo-staff', 'store', { action: 'issuePurchase', orderId: 'coupon-e2e', amountFen: 120_00 })
    const shopper = await pageAs('demo-shopper-1')
    await open(shopper, session.url, `/pages/scan/index?code=${code}`)
    await shopper.locator('#claim-preview').waitFor()
    expect(await textOf(shopper, '#preview-tier')).toBe('-¥6.00')
    expect(await textOf(shopper, '#preview-voucher')).toBe('1 张可用')
    expect(await textOf(shopper, '#preview-pay')).toBe('¥114.00')
    expect(await textOf(shopper, `#pick-${voucher}`)).toContain('满100减10')
    await screenshot(shopper, 'coupon-preview-before')

    await tap(shopper, `#pick-${voucher}`)
    await expect.poll(() => textOf(shopper, '#preview-pay'), SLOW).toBe('¥104.00')
    expect(await textOf(shopper, '#preview-voucher')).toBe('-¥10.00')
    await screenshot(shopper, 'coupon-preview-applied')

    await whenEnabled(shopper, '#claim-btn')
    await tap(shopper, '#claim-btn')
    await shopper.locator('#claim-result').waitFor()
    expect(await textOf(shopper, '#claim-pay')).toBe('¥104.00')
    expect(await textOf(shopper, '#claim-voucher')).toBe('-¥10.00')
    await screenshot(shopper, 'coupon-claimed')
    const { vouchers } = await call<{ vouchers: { code: string; status: string }[] }>('demo-shopper-1', 'exchange', { action: 'vouchers' })
    expect(vouchers.find((v) => v.code === voucher)?.status).toBe('fulfilled')
  })

  it("lets the clerk apply the member's coupon and split off a line for a campaign at the 会员码 checkout", async () => {
    const voucher = await coupon('demo-shopper-2')
    const { code } = await call<{ code: string }>('demo-shopper-2', 'member', { action: 'memberCode' })
    const clerk = await pageAs('demo-staff')
    await open(clerk, session.url, '/merchant/staff/index')
    await typeInto(clerk, '#member-code-input', code)
    await typeInto(clerk, '#checkout-amount', '150')
    await clerk.locator('#checkout-preview').waitFor()
    expect(await textOf(clerk, '#checkout-preview-member')).toContain('普通会员')
    expect(await textOf(clerk, '#checkout-preview-tier')).toBe('-¥7.50')
    expect(await textOf(clerk, '#checkout-preview-pay')).toBe('¥142.50')
    await screenshot(clerk, 'coupon-clerk-before')

    await tap(clerk, `#pick-${voucher}`)
    await expect.poll(() => textOf(clerk, '#checkout-preview-pay'), SLOW).toBe('¥132.50')
    await tap(clerk, '#add-line-btn')
    await typeInto(clerk, '#line-tag-0', 'new')
    await typeInto(clerk, '#line-amount-0', '30')
    await expect.poll(() => textOf(clerk, '#checkout-preview'), SLOW).toMatch(/新品樱花拿铁\s*\+\d+ 积分/)
    await screenshot(clerk, 'coupon-clerk-applied')

    await tap(clerk, '#checkout-btn')
    await clerk.locator('#checkout-result-charge').waitFor()
    expect(await textOf(clerk, '#checkout-result-charge')).toBe('¥132.50')
    await screenshot(clerk, 'coupon-clerk-charged')
    const { vouchers } = await call<{ vouchers: { code: string; status: string }[] }>('demo-shopper-2', 'exchange', { action: 'vouchers' })
    expect(vouchers.find((v) => v.code === voucher)?.status).toBe('fulfilled')
  })
})
