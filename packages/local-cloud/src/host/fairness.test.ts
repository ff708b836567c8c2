/**
 * A burst on one function must not slow another: each function queues for its own instances.
 * Both functions only sleep, so what decides their latency is the host's queueing, not the CPU
 * (other work on the machine moves a 400 ms nap by tens of milliseconds, a shared queue by seconds).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from './testing'

const FIXTURES = path.join(__dirname, 'fixtures')
/** Both functions nap this long per call. */
const NAP_MS = 400
/** Callers of the hot function at once: far more than its instances, so its own queue runs deep. */
const BURST_CALLERS = 24
const PROBES = 25
const CAP = 2

let cloud: TestLocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({ functionsDir: FIXTURES, maxInstances: CAP })
})

afterAll(async () => {
  await cloud?.close()
})

/** 99th percentile (nearest rank) of `PROBES` calls to `whoami`, one after another, timed as the caller sees them. */
async function probeP99(): Promise<number> {
  const took: number[] = []
  for (let i = 0; i < PROBES; i++) {
    const started = performance.now()
    expect((await cloud.call('whoami', { pauseMs: NAP_MS }, 'probe')).status).toBe(200)
    took.push(performance.now() - started)
  }
  return took.sort((a, b) => a - b)[Math.ceil(0.99 * took.length) - 1]!
}

/** Shoppers on other devices (another process) call `slow` without pause until stopped; stop() answers how many calls finished. */
function startBurst(): { stop(): Promise<number> } {
  const script = `let calls = 0
    for (let i = 0; i < ${BURST_CALLERS}; i++) (async () => { for (;;) {
      const res = await fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ms":${NAP_MS}}' })
      if (res.status !== 200) process.exit(3)
      await res.text(); calls++ } })()
    process.on('SIGTERM', () => { process.stdout.write(String(calls)); process.exit(0) })`
  const child = spawn(process.execPath, ['-e', script, `${cloud.url}/functions/slow`], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return {
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      return Number(out)
    },
  }
}

const queuedOnSlow = (): number => (cloud.host.stats() as { functions: Record<string, { queued: number }> }).functions.slow?.queued ?? 0

describe('a burst on one function', () => {
  it('leaves another function answering within twice its idle p99', async () => {
    // every instance warm first: cold starts are CPU, which this test leaves out
    await Promise.all([...Array.from({ length: CAP }, () => cloud.call('slow', { ms: NAP_MS })), cloud.call('whoami', {}, 'probe')])
    const idle = await probeP99()
    const burst = startBurst()
    const deadline = Date.now() + 10_000
    while (queuedOnSlow() < BURST_CALLERS / 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const queued = queuedOnSlow()
    const busy = await probeP99()
    const burstCalls = await burst.stop()
    const seen = `idle p99 ${idle.toFixed(0)} ms, under the burst ${busy.toFixed(0)} ms; ${queued} calls queued on the hot function, ${burstCalls} served`
    // the hot function really was saturated: its callers waited for its instances
    expect(queued, seen).toBeGreaterThanOrEqual(BURST_CALLERS / 2)
    expect(burstCalls, seen).toBeGreaterThan(PROBES)
    expect(busy, seen).toBeLessThanOrEqual(2 * idle)
  }, 60_000)
})
