import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { ROOT } from './local-cloud'

export const ARTIFACTS = path.join(ROOT, 'test-artifacts')

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

// One browser context per person: the identity switcher's choice lives in that context's localStorage.
export async function actAs(browser: Browser, openid: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  // Only the first load picks the identity, so a switch made in the bar survives its reload.
  await context.addInitScript((id) => {
    if (!localStorage.getItem('pointsClub.identity')) localStorage.setItem('pointsClub.identity', id)
  }, openid)
  // Fail a step in seconds, well inside the test's own timeout, so the error names the step.
  context.setDefaultTimeout(10_000)
  return context
}

export async function open(page: Page, base: string, route: string): Promise<void> {
  const url = `${base}/#${route}`
  // The address already shown would only be a jump within the page: reload, so the route opens afresh.
  if (page.url() === url) await page.reload()
  else await page.goto(url)
}

export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} input`).fill(text)
}

// Taro H5 scrolls inside the page element, so the viewport is stretched to the content for the picture.
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const viewport = page.viewportSize() ?? { width: 390, height: 844 }
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null)
    const bar = document.querySelector<HTMLElement>('#identity-bar')?.offsetHeight ?? 0
    return Math.max(window.innerHeight, ...pages.map((p) => p.scrollHeight + bar))
  })
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
  await page.setViewportSize(viewport)
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim()
}

// Direct call to the local cloud, as the page would make it, to compare what the page shows.
export async function callAs<T>(base: string, openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${base}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  })
  return (await res.json()) as T
}

// A real pointer tap: the mouse goes down and up at the centre of the element's box, as a finger would.
export async function tap(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first()
  await el.waitFor({ state: 'visible' })
  await el.scrollIntoViewIfNeeded()
  const box = await stillBox(page, selector)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

// A page still laying out (a chart drawn, a list arriving above) moves an element under the pointer: wait until its box holds still.
async function stillBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const el = page.locator(selector).first()
  let box = await el.boundingBox()
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50)
    const again = await el.boundingBox()
    if (box && again && box.x === again.x && box.y === again.y && box.width === again.width && box.height === again.height) return again
    box = again
  }
  if (!box) throw new Error(`${selector} is not on screen`)
  return box
}

// Waits until an ActionButton is enabled (it carries btn--disabled while not).
export async function whenEnabled(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}:not(.btn--disabled)`).first().waitFor()
}

// Taro's own modal (Taro.showModal) on H5: answers its question text once the confirm button has been tapped.
export async function confirmModal(page: Page): Promise<string> {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first()
  await modal.waitFor()
  const question = (await modal.locator('.taro-modal__text').innerText()).trim()
  await tap(page, '.taro-modal__content >> visible=true >> .taro-model__confirm')
  await modal.waitFor({ state: 'hidden' })
  return question
}
