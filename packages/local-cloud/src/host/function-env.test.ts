import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestLocalCloud
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))
  const envFile = path.join(dir, '.env.local')
  fs.writeFileSync(
    envFile,
    ['# values kept out of git', 'GREETING="from .env.local"', "export OWNER_CLAIM_CODE='8 8 8'", 'TENCENTCLOUD_SECRETID=should-not-pass', ''].join(
      '\n',
    ),
  )
  process.env.HOME_SECRET = 'the developer shell'
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: path.join(__dirname, 'fixtures'), envFile })
})

afterAll(async () => {
  delete process.env.HOME_SECRET
  await cloud?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('environment variables of a function', () => {
  it("come from config.json env and .env.local (which wins), never reserved keys or the developer's shell", async () => {
    const reply = await cloud.call('settings', {})
    expect(reply.body).toEqual({ GREETING: 'from .env.local', PLAIN: 'config only', OWNER_CLAIM_CODE: '8 8 8', TCB_ENV: 'local' })
  })
})
