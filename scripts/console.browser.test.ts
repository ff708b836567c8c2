/** The console in Chromium, driven with real pointer input, against the product's functions and demo data. */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestLocalCloud } from '@points-club/wechat-local-cloud/testing'
import { startProductCloud } from './product-cloud'

const ARTIFACTS = path.resolve(__dirname, '..', 'test-artifacts')
let cloud: TestLocalCloud
let browser: Browser
let page: Page

/** A real mouse click at the centre of the element, as a person would make it. */
async function clickAt(selector: string): Promise<void> {
  const target = page.locator(selector).first()
  await target.scrollIntoViewIfNeeded()
  const box = await target.boundingBox()
  if (!box) throw new Error(`${selector} is not on screen`)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

async function summaryBalance(openid: string): Promise<number> {
  const reply = await cloud.call<{ ok: boolean; data: { balance: number } }>('member', { action: 'summary' }, openid)
  return reply.body.data.balance
}

beforeAll(async () => {
  cloud = await startProductCloud()
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(10_000)
  await page.goto(`${cloud.url}/_emulator/ui`)
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
})

describe('the local cloud console', () => {
  it('finds a member, edits the balance, and member.summary answers the edit', async () => {
    await clickAt('button[data-collection="members"]')
    await page.locator('#collection-title', { hasText: 'members' }).waitFor()
    await clickAt('#where')
    await page.keyboard.type("{ _id: 'demo-shopper-1' }")
    await clickAt('#run-query')
    await page.locator('#query-status', { hasText: '1 matching' }).waitFor()
    await clickAt('.doc[data-id="demo-shopper-1"] button.edit')
    const editor = page.locator('.doc[data-id="demo-shopper-1"] textarea')
    await editor.fill((await editor.inputValue()).replace(/"balance": \d+/, '"balance": 4321'))
    await clickAt('.doc[data-id="demo-shopper-1"] button.save')
    await page.locator('.doc[data-id="demo-shopper-1"] pre', { hasText: '"balance": 4321' }).waitFor()
    expect(await summaryBalance('demo-shopper-1')).toBe(4321)
  })

  it('shows an invocation as it happens, with its logs on a click', async () => {
    await cloud.call('member', { action: 'summary' }, 'demo-shopper-2')
    const row = page.locator('#invocations tr[data-invocation]', { hasText: 'demo-shopper-2' }).filter({ hasText: 'summary' }).first()
    await row.waitFor()
    expect(await row.locator('td').allInnerTexts()).toEqual([
      expect.any(String),
      'member',
      'summary',
      'demo-shopper-2',
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^[1-9]\d*$/),
      '0',
    ])
    await clickAt('#invocations tr[data-invocation] >> nth=0')
    await page.locator('#invocations tr.logs:not([hidden])').first().waitFor()
  })

  it('fires the expiry trigger from its button', async () => {
    await clickAt('button[data-trigger="expiry"]')
    const row = page.locator('#invocations tr[data-invocation]', { hasText: 'expiry' }).first()
    await row.waitFor()
    expect(await row.locator('td').nth(3).innerText()).toBe('timer')
    expect(await row.locator('td').nth(6).innerText()).toBe('0')
  })

  it('moves the clock: set, +1 day, +1 month, back to real time', async () => {
    await clickAt('#clock-input')
    await page.locator('#clock-input').fill('2027-01-31T10:00:00')
    await clickAt('#clock-set')
    await page.locator('#clock-now', { hasText: '2027-01-31 10:00' }).waitFor()
    await clickAt('#clock-day')
    await page.locator('#clock-now', { hasText: '2027-02-01 10:00' }).waitFor()
    await clickAt('#clock-month')
    await page.locator('#clock-now', { hasText: '2027-03-01 10:00' }).waitFor()
    expect(cloud.clock.now().toISOString()).toMatch(/^2027-03-01T02:00/)
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'console.png'), fullPage: true })
    await clickAt('#clock-reset')
    await page.waitForFunction(() => !document.querySelector('#clock-now')?.textContent?.startsWith('2027-03'))
    expect(Math.abs(cloud.clock.offset)).toBe(0)
  })
})
