import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const BIN = path.resolve(__dirname, '..', 'bin', 'wechat-local-cloud.cjs')
const FIXTURES = path.join(__dirname, 'host', 'fixtures')
let work: string

/** `wechat-local-cloud ARGS` as its own process, without real cloud credentials unless `env` adds them. */
function emulator(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(TENCENTCLOUD_|TCB_|SCF_|LOCAL_CLOUD_)/.test(key)))
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--functions', FIXTURES, ...args], { cwd: work, env: { ...clean, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (status) => resolve({ status, stdout, stderr }))
  })
}

/** A node one-liner for exec, reaching the local cloud through LOCAL_CLOUD_URL. */
const node = (script: string): string => `node -e ${JSON.stringify(script)}`

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'))
})

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true })
})

describe('wechat-local-cloud exec', () => {
  it('runs the command against a fresh local cloud and exits with its status', async () => {
    const script =
      "fetch(process.env.LOCAL_CLOUD_URL + '/_emulator/collections').then((r) => r.json()).then((b) => process.exit(b.collections.every((c) => c.count === 0) ? 7 : 1))"
    expect((await emulator(['exec', node(script)])).status).toBe(7)
    expect((await emulator(['exec', 'exit 0'])).status).toBe(0)
  })

  it('imports a snapshot before the command and exports one after it', async () => {
    const seeded = path.join(work, 'seeded')
    fs.mkdirSync(path.join(seeded, 'collections'), { recursive: true })
    fs.writeFileSync(path.join(seeded, 'snapshot.json'), JSON.stringify({ format: 'wechat-local-cloud-snapshot/1', collections: { notes: [] } }))
    fs.writeFileSync(path.join(seeded, 'collections', 'notes.json'), JSON.stringify([{ _id: 'n1', text: 'first' }]))
    const out = path.join(work, 'out')
    const script = [
      "const u = process.env.LOCAL_CLOUD_URL + '/_emulator/collections/notes/'",
      "const post = (p, b) => fetch(u + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json())",
      "post('query', {}).then((r) => { if (r.total !== 1) process.exit(3); return post('documents/n2', { document: { text: 'second' } }) }).then(() => process.exit(0))",
    ].join('; ')
    const run = await emulator(['--import', seeded, '--export-on-exit', out, 'exec', node(script)])
    expect(run.status).toBe(0)
    const notes = JSON.parse(fs.readFileSync(path.join(out, 'collections', 'notes.json'), 'utf8')) as Array<{ _id: string; text: string }>
    expect(notes).toEqual([
      { _id: 'n1', text: 'first' },
      { _id: 'n2', text: 'second' },
    ])
  })

  it('refuses to start beside real cloud credentials unless told to', async () => {
    const refused = await emulator(['exec', 'exit 0'], { TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret' })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY')
    expect((await emulator(['exec', 'exit 0'], { TCB_ENV: 'prod-123' })).status).toBe(2)
    expect((await emulator(['--allow-cloud-credentials', 'exec', 'exit 0'], { TENCENTCLOUD_SECRETID: 'AKIDexample' })).status).toBe(0)
    expect((await emulator(['exec', 'exit 0'], { TCB_ENV: 'prod-123', LOCAL_CLOUD_ALLOW_CLOUD_CREDENTIALS: '1' })).status).toBe(0)
    // an SDK already aimed at a local cloud holds placeholders, not a real environment's keys
    const aimed = (url: string): Record<string, string> => ({ TENCENTCLOUD_SECRETID: 'local', TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }) })
    expect((await emulator(['exec', 'exit 0'], aimed('http://127.0.0.1:9/admin'))).status).toBe(0)
    expect((await emulator(['exec', 'exit 0'], aimed('https://tcb-api.tencentcloudapi.com/admin'))).status).toBe(2)
  })

  it('refuses a bad command line with its usage', async () => {
    for (const args of [['exec'], ['serve'], ['--imprt', 'x']]) {
      const run = await emulator(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toContain('usage: wechat-local-cloud')
    }
  })
})
