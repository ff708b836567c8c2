/**
 * Figures for the H5 build in Chromium against `npm start` on a fresh data folder: the home page's
 * first meaningful render (navigation start until the balance shows), cold and warm, and the
 * JavaScript it loads.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { actAs, launch, open } from '../client/e2e/browser'
import { ROOT, startCloud } from '../client/e2e/local-cloud'
import { percentile } from './percentile'

const WARM_RUNS = 5

/** Milliseconds from navigation start until the balance is on screen. */
async function renderTime(page: Page): Promise<number> {
  await page.locator('#balance').waitFor()
  return page.evaluate(() => performance.now())
}

async function main(): Promise<void> {
  const cloud = await startCloud()
  const browser = await launch()
  try {
    const page = await (await actAs(browser, 'demo-shopper-1')).newPage()
    await open(page, cloud.url, '/pages/index/index')
    console.log(`home first meaningful render, first load after start: ${(await renderTime(page)).toFixed(0)} ms`)
    const warm: number[] = []
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.reload()
      warm.push(await renderTime(page))
    }
    console.log(
      `home first meaningful render, warm median of ${WARM_RUNS}: ${percentile(warm, 50).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`,
    )
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    )
    const gzip = scripts.reduce((sum, p) => sum + gzipSync(fs.readFileSync(path.join(ROOT, 'build', 'h5', p))).length, 0)
    console.log(`H5 JavaScript loaded for home: ${(gzip / 1024).toFixed(1)} KB gzip in ${scripts.length} files`)
  } finally {
    await browser.close()
    await cloud.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
