/**
 * The whole local cloud in one process: the database server, the function host wired into its
 * `/admin` and routes, optionally the H5 build at `/` and the demo data.
 */
import fs from 'node:fs'
import { Clock } from '../clock'
import { consoleRoutes } from '../console/routes'
import type { CloudDatabase } from '../db/database'
import { seedDemo } from '../seed'
import { startServer, type RunningServer } from '../server'
import { CloudStorage } from '../storage/storage'
import { FunctionHost } from './host'
import { shopper } from './identity'
import { hostRoutes } from './routes'
import { staticRoute } from './static-files'

export interface LocalCloudOptions {
  functionsDir: string
  dataDir: string
  /** 0 (default) picks a free port. */
  port?: number
  clock?: Clock
  /** Serve this H5 build folder at `/`. */
  h5Dir?: string
  /** Seed the demo data on first start (empty dataDir) and after every reset. */
  seed?: boolean
  maxInstances?: number
  showLogs?: boolean
  /** Fire timer triggers on schedule (default true). */
  timers?: boolean
  /** A dotenv file (e.g. `.env.local`) whose variables every function gets. */
  envFile?: string
  /** Open transactions are aborted after this long; default 30 s. */
  transactionTimeoutMs?: number
  /** false: no collection exists until a function creates it, as in a new cloud environment. */
  declareCollections?: boolean
}

export interface LocalCloud {
  url: string
  port: number
  clock: Clock
  server: RunningServer
  host: FunctionHost
  /** Files under DATA_DIR/storage, as wx-server-sdk's uploadFile, getTempFileURL, downloadFile, deleteFile see them. */
  storage: CloudStorage
  /** Whether this start found no data and seeded the demo. */
  seeded: boolean
  /** Why seeding on start failed (the cloud still runs; shoppers can sign up themselves). */
  seedError?: string
  close(): Promise<void>
}

export async function openLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const clock = options.clock ?? new Clock()
  const host = new FunctionHost({ functionsDir: options.functionsDir, clock, maxInstances: options.maxInstances, showLogs: options.showLogs, timers: options.timers, envFile: options.envFile })
  const storage = new CloudStorage({ dataDir: options.dataDir, clock })
  const fresh = isEmptyDir(options.dataDir)
  let server: RunningServer | null = null
  const seed = async (): Promise<void> => {
    const db = server?.db
    if (!options.seed || !db) return
    await host.withTriggersPaused(() => seedDemo({ db, functions: new Set(host.functions.keys()), callAs: (name, event, openid) => callAs(host, name, event, openid) }))
  }
  server = await startServer({
    port: options.port ?? 0,
    dataDir: options.dataDir,
    clock,
    transactionTimeoutMs: options.transactionTimeoutMs,
    declareCollections: options.declareCollections,
    adminHandlers: { ...host.adminHandlers(), ...storage.adminHandlers() },
    onDatabaseRequest: (body) => host.countDatabaseRequest(body),
    multipartAdmin: (raw, contentType) => host.multipartAdmin(raw, contentType),
    routes: [
      ...hostRoutes(host),
      ...storage.routes(),
      ...consoleRoutes({ db: () => databaseOf(server), host, clock, dataDir: options.dataDir }),
      ...(options.h5Dir ? [staticRoute(options.h5Dir)] : []),
    ],
    extraStats: () => host.stats(),
    onReset: async () => {
      host.clearRecords()
      storage.wipe()
      await seed()
    },
  })
  host.connect(server.url)
  storage.connect(server.url)
  const running = server
  const seedError = fresh ? await seed().then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error))) : undefined
  return {
    url: running.url,
    port: running.port,
    clock,
    server: running,
    host,
    storage,
    seeded: fresh && Boolean(options.seed) && !seedError,
    seedError,
    async close() {
      await host.close()
      await running.close()
    },
  }
}

async function callAs(host: FunctionHost, name: string, event: Record<string, unknown>, openid: string): Promise<unknown> {
  const result = await host.call(name, event, shopper(openid))
  if (!result.ok) throw new Error(`${name} ${JSON.stringify(event)} as ${openid}: ${result.failure.body.errMsg}`)
  return result.value
}

function databaseOf(server: RunningServer | null): CloudDatabase {
  if (!server) throw new Error('the local cloud is still starting')
  return server.db
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0
}
