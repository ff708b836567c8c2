/**
 * The local cloud for tests: the real server and function host on a free port and a temp data
 * folder, with helpers that speak HTTP as the H5 client does.
 *
 *   const cloud = await startLocalCloud({ functionsDir: 'build/cloudfunctions' })
 *   const res = await cloud.call('member', { action: 'login' }, 'shopper-1')
 *   await cloud.close()
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Clock } from '../clock'
import type { OutboxEntry } from './host'
import { openLocalCloud, type LocalCloud, type LocalCloudOptions } from './local-cloud'
import { postJson, type HttpReply } from './post-json'

export { postJson, type HttpReply }

export interface TestCloudOptions {
  /** Deployable function folders (each with index.js and config.json). */
  functionsDir: string
  /** Default: a fresh temp folder, deleted by close(). */
  dataDir?: string
  collections?: LocalCloudOptions['collections']
  /** The project's starting data (default none: tests start empty). */
  seed?: LocalCloudOptions['seed']
  clock?: Clock
  /** Serve this H5 build folder at `/`. */
  h5Dir?: string
  maxInstances?: number
  /** Instances beyond a function's first stop after idling this long. */
  instanceIdleMs?: number
  /** Show functions' console output (default false). */
  showLogs?: boolean
  /** A dotenv file whose variables every function gets. */
  envFile?: string
}

export interface TestLocalCloud extends LocalCloud {
  /** POST /functions/<name> as the shopper `openid` (none: an anonymous call). */
  call<T = unknown>(name: string, event?: Record<string, unknown>, openid?: string): Promise<HttpReply<T>>
  /** POST /_emulator/trigger/<name>: runs its timer trigger now. */
  trigger<T = unknown>(name: string): Promise<HttpReply<T>>
  /** POST /_emulator/clock: what functions and serverDate see; null returns to real time. */
  setClock(iso: string | null): Promise<void>
  /** POST /_emulator/reset: wipes the data (and seeds again when seeding). */
  reset(): Promise<void>
  /** Messages functions sent through open APIs, oldest first. */
  outbox(): OutboxEntry[]
}

export async function startLocalCloud(options: TestCloudOptions): Promise<TestLocalCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'))
  const cloud = await openLocalCloud({ ...options, dataDir, showLogs: options.showLogs ?? false })
  if (cloud.seedError) {
    await cloud.close()
    throw new Error(`seeding failed: ${cloud.seedError}`)
  }
  const post = <T>(route: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpReply<T>> =>
    postJson<T>(`${cloud.url}${route}`, body, headers)
  return {
    ...cloud,
    call: (name, event = {}, openid) => post(`/functions/${name}`, event, openid ? { 'x-wx-openid': openid } : {}),
    trigger: (name) => post(`/_emulator/trigger/${name}`, {}),
    setClock: async (iso) => void (await post('/_emulator/clock', { now: iso })),
    reset: async () => void (await post('/_emulator/reset', {})),
    outbox: () => cloud.host.outbox,
    async close() {
      await cloud.close()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
