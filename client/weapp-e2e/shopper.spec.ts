import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstEnabled, openMiniProgram, textOf, until } from './devtools'

// The shopper's three main actions in WeChat DevTools, against the cloud environment the build names.
describe('the mini-program in WeChat DevTools', () => {
  let mp: MiniProgram

  beforeAll(async () => {
    mp = await openMiniProgram()
    // the confirm modal is WeChat's own: answer it as the shopper would
    await mp.mockWxMethod('showModal', { confirm: true, cancel: false })
  }, 180_000)

  afterAll(async () => {
    await mp?.restoreWxMethod('showModal')
    await mp?.close()
  })

  it('checks in from the home page, once a day', async () => {
    const page = (await mp.reLaunch('/pages/index/index'))!
    await page.waitFor('#checkin-btn')
    const button = (await page.$('#checkin-btn'))!
    if ((await button.text()).includes('今日已签到')) return
    await button.tap()
    const notice = await until(
      () => textOf(page, '#checkin-notice'),
      (t) => t !== '',
    )
    expect(notice).toMatch(/^签到成功 \+\d+ 积分/)
    expect(await textOf(page, '#checkin-btn')).toBe('今日已签到')
  })

  it('redeems the first item the shopper can afford, after the confirm', async () => {
    const page = (await mp.reLaunch('/pages/mall/index'))!
    await page.waitFor('#mall-balance')
    const before = Number((await textOf(page, '#mall-balance')).replace(/\D/g, ''))
    const redeem = await firstEnabled(page, '.item .btn')
    expect(redeem, 'the shopper needs points for at least one item').not.toBeNull()
    await redeem!.tap()
    await until(
      () => textOf(page, '#redeem-success'),
      (t) => t !== '',
    )
    const after = Number((await textOf(page, '#mall-balance')).replace(/\D/g, ''))
    expect(after).toBeLessThan(before)
  })

  it("shows a voucher's QR code full screen from 去使用", async () => {
    const page = (await mp.reLaunch('/pages/vouchers/index'))!
    await page.waitFor(2_000)
    const use = await firstEnabled(page, '.voucher__use')
    expect(use, 'a pending voucher, from the redeem above').not.toBeNull()
    await use!.tap()
    await page.waitFor('#voucher-qr-sheet')
    expect(await page.$('#voucher-qr-sheet .qr__img')).not.toBeNull()
  })
})
