import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, sdkEnv } from './testing'

const packageRoot = join(__dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-durable-'))
let port = 0
let server: ChildProcess | undefined
let db: SdkDatabase

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number }
      probe.close(() => resolve(found))
    })
  })

/** The local cloud as its own process (its command line), so it can be killed outright. */
const startEmulator = (): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(packageRoot, 'bin', 'wechat-local-cloud.cjs'), '--functions', join(__dirname, '..', 'host', 'fixtures')],
      {
        cwd: packageRoot,
        env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}`)))
  })

const stop = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
  new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', () => resolve())
    child.kill(signal)
  })

beforeAll(async () => {
  port = await freePort()
  server = await startEmulator()
  Object.assign(process.env, sdkEnv(`http://127.0.0.1:${port}`))
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  db = cloud.database() as unknown as SdkDatabase
  // as in CloudBase, a collection exists before documents go in
  for (const name of ['items', 'settings', 'ledger']) await db.createCollection(name)
})

afterAll(async () => {
  if (server && server.exitCode === null) await stop(server, 'SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

const balance = async (id: string): Promise<number> => ((await db.collection('settings').doc(id).get()).data as { n: number }).n

describe('durability of the emulator process', () => {
  it('keeps documents across a restart', async () => {
    await db.collection('items').add({ data: { _id: 'kept', title: 'Mug', at: new Date('2026-03-01T00:00:00Z') } })
    await stop(server!, 'SIGTERM')
    server = await startEmulator()
    const doc = (await db.collection('items').doc('kept').get()).data as { title: string; at: Date }
    expect(doc.title).toBe('Mug')
    expect(doc.at.toISOString()).toBe('2026-03-01T00:00:00.000Z')
  })

  it('kill -9 during transfers loses no acknowledged commit and leaves no half transaction', async () => {
    const total = 1000
    await db
      .collection('settings')
      .doc('A')
      .set({ data: { n: total } })
    await db
      .collection('settings')
      .doc('B')
      .set({ data: { n: 0 } })
    let acknowledged = 0
    let killed = false
    const transfer = (k: string) =>
      db.runTransaction(async (t) => {
        const n = async (id: string): Promise<number> => ((await t.collection('settings').doc(id).get()).data as { n: number }).n
        const [a, b] = [await n('A'), await n('B')]
        await t
          .collection('settings')
          .doc('A')
          .update({ data: { n: a - 1 } })
        await t
          .collection('settings')
          .doc('B')
          .update({ data: { n: b + 1 } })
        await t.collection('ledger').add({ data: { _id: `transfer-${k}`, delta: 1 } })
      })
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; i < 10_000 && !killed; i++) {
        try {
          await transfer(`${w}-${i}`)
          acknowledged++
        } catch (err) {
          if ((err as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') return
        }
      }
    }
    const workers = [0, 1, 2, 3].map(worker)
    while (acknowledged < 60) await new Promise((resolve) => setTimeout(resolve, 5))
    killed = true
    await stop(server!, 'SIGKILL')
    await Promise.all(workers)
    server = await startEmulator()
    const [a, b] = [await balance('A'), await balance('B')]
    expect(a + b).toBe(total)
    expect(b).toBeGreaterThanOrEqual(acknowledged)
    expect(b).toBeLessThanOrEqual(acknowledged + workers.length)
    expect((await db.collection('ledger').count()).total).toBe(b)
  }, 60_000)
})
