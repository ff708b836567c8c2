/**
 * The whole local cloud in one process: the database server, the function host wired into its
 * `/admin` and routes, optionally a static web build at `/` and the project's seed data.
 */
import fs from 'node:fs'
import { Clock } from '../clock'
import { consoleRoutes } from '../console/routes'
import type { CloudDatabase } from '../db/database'
import type { DeclaredCollections } from '../db/store'
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
  /** The project's collections and indexes, created on first start and after every reset. */
  collections?: DeclaredCollections
  /** Writes the project's starting data on first start (empty dataDir) and after every reset, with triggers paused. */
  seed?: (target: SeedTarget) => Promise<void>
  maxInstances?: number
  /** Instances beyond a function's first stop after idling this long (default 5 minutes). */
  instanceIdleMs?: number
  showLogs?: boolean
  /** Fire timer triggers on schedule (default true). */
  timers?: boolean
  /** A dotenv file (e.g. `.env.local`) whose variables every function gets. */
  envFile?: string
  /** Open transactions are aborted after this long; default 30 s. */
  transactionTimeoutMs?: number
}

export interface SeedTarget {
  db: CloudDatabase
  /** Names of the functions that exist. */
  functions: ReadonlySet<string>
  /** Calls a function as the shopper `openid`; resolves to its return value. */
  callAs(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>
}

export interface LocalCloud {
  url: string
  port: number
  clock: Clock
  server: RunningServer
  host: FunctionHost
  /** Files under DATA_DIR/storage, as wx-server-sdk's uploadFile, getTempFileURL, downloadFile, deleteFile see them. */
  storage: CloudStorage
  /** Whether this start found no data and ran the seed. */
  seeded: boolean
  /** Why seeding on start failed (the cloud still runs; shoppers can sign up themselves). */
  seedError?: string
  close(): Promise<void>
}

export async function openLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const clock = options.clock ?? new Clock()
  const host = new FunctionHost({
    functionsDir: options.functionsDir,
    clock,
    maxInstances: options.maxInstances,
    instanceIdleMs: options.instanceIdleMs,
    showLogs: options.showLogs,
    timers: options.timers,
    envFile: options.envFile,
  })
  const storage = new CloudStorage({ dataDir: options.dataDir, clock })
  const fresh = isEmptyDir(options.dataDir)
  let server: RunningServer | null = null
  const seed = async (): Promise<void> => {
    const db = server?.db
    const seedData = options.seed
    if (!seedData || !db) return
    await host.withTriggersPaused(() =>
      seedData({ db, functions: new Set(host.functions.keys()), callAs: (name, event, openid) => callAs(host, name, event, openid) }),
    )
  }
  server = await startServer({
    port: options.port ?? 0,
    dataDir: options.dataDir,
    clock,
    transactionTimeoutMs: options.transactionTimeoutMs,
    collections: options.collections,
    adminHandlers: { ...host.adminHandlers(), ...storage.adminHandlers() },
    onDatabaseRequest: (body) => host.countDatabaseRequest(body),
    onDatabaseTiming: (body, timing) => host.timeDatabaseRequest(body, timing),
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
  const seedError = fresh
    ? await seed().then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
    : undefined
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
