import type { Browser, BrowserContext, Page } from 'playwright-core'
import { actAs, callAs, launch } from './browser'
import { startCloud, type StartedCloud } from './local-cloud'

export type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

/** What a successful envelope carries; a refusal fails the step with its code and message. */
export function data<T>(env: Env<T>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`)
  return env.data
}

/**
 * One test file's `npm start` and browser: a page per person (at a phone's size unless told), direct calls as a
 * person to set a scene or compare with what a page shows, and one stop for all of it.
 */
export function browserSession() {
  let cloud: StartedCloud | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const started = () => {
    if (!cloud || !browser) throw new Error('start the session in beforeAll first')
    return { cloud, browser }
  }
  return {
    get url(): string {
      return started().cloud.url
    },
    async start(): Promise<void> {
      cloud = await startCloud()
      browser = await launch()
    },
    async pageAs(openid: string, viewport: { width: number; height: number } | null = { width: 375, height: 812 }): Promise<Page> {
      const ctx = await actAs(started().browser, openid)
      contexts.push(ctx)
      const page = await ctx.newPage()
      if (viewport) await page.setViewportSize(viewport)
      return page
    },
    call<T>(openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
      return callAs<Env<T>>(started().cloud.url, openid, fn, event).then(data)
    },
    async stop(): Promise<void> {
      for (const ctx of contexts) await ctx.close().catch(() => undefined)
      await browser?.close()
      await cloud?.stop()
    },
  }
}
