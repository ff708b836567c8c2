import path from 'node:path'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'

const ROOT = path.resolve(__dirname, '..', '..')

/**
 * The mini-program in WeChat DevTools: attached to one already open (WEAPP_WS_ENDPOINT, e.g. ws://127.0.0.1:9420),
 * or launched through DevTools' command line (WECHAT_DEVTOOLS_CLI) on the project, with its automation port.
 */
export async function openMiniProgram(): Promise<MiniProgram> {
  const wsEndpoint = process.env.WEAPP_WS_ENDPOINT
  if (wsEndpoint) return automator.connect({ wsEndpoint })
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI
  if (!cliPath)
    throw new Error(
      'Set WECHAT_DEVTOOLS_CLI to the DevTools command line, or WEAPP_WS_ENDPOINT to an open automation port (see client/weapp-e2e/README.md)',
    )
  return automator.launch({
    cliPath,
    projectPath: ROOT,
    port: Number(process.env.WEAPP_AUTOMATOR_PORT ?? 9420),
    trustProject: true,
    timeout: 120_000,
  })
}

/** Polls `read` until it answers something `ok` accepts, as a shopper would wait for the screen to change. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() - started > timeoutMs) return value
    await new Promise((r) => setTimeout(r, 300))
  }
}

/** The text of the first element matching `selector`, or '' while there is none. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = await page.$(selector)
  return el ? (await el.text()).trim() : ''
}

/** The first element matching `selector` that is not greyed out (ActionButton marks those btn--disabled). */
export async function firstEnabled(page: Page, selector: string) {
  for (const el of (await page.$$(selector)) as Array<NonNullable<Awaited<ReturnType<Page['$']>>>>) {
    if (!(await el.attribute('class')).includes('btn--disabled')) return el
  }
  return null
}
