import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, type ServerOptions, startServer } from '../server'

import type { SdkDatabase } from './sdk-database'

export type { SdkDatabase } from './sdk-database'
type Sdk = typeof import('wx-server-sdk')

export interface TestDatabase {
  server: RunningServer
  /** The real wx-server-sdk, initialised against `server`. */
  cloud: Sdk
  /** `cloud.database()`: what a cloud function uses. */
  db: SdkDatabase
  dataDir: string
  /** Environment that points another process's SDK at the same server. */
  env: Record<string, string>
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>
}

/** Environment variables that point wx-server-sdk at a local admin URL (see cloudbase-wire.md). */
export function sdkEnv(serverUrl: string, envId = 'local-test'): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${serverUrl}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: envId,
    SILENCE: 'true',
  }
}

/** Starts a server on a fresh temp directory, points this process's SDK at it, returns the SDK's db. */
export async function startTestDatabase(options: Partial<ServerOptions> = {}): Promise<TestDatabase> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'localcloud-'))
  const server = await startServer({ ...options, dataDir })
  const env = sdkEnv(server.url)
  Object.assign(process.env, env)
  const cloud = require('wx-server-sdk') as Sdk
  // the SDK types the dynamic-env symbol narrower than it accepts
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return {
    server,
    cloud,
    db: cloud.database() as unknown as SdkDatabase,
    dataDir,
    env,
    close: async () => {
      await server.close()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
