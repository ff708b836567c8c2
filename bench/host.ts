/**
 * Figures for the function host (`npm run bench -- host`): cold start, warm call latency,
 * 100 concurrent shoppers, and one function calling another, all through HTTP like the H5 client.
 */
import { percentile } from './percentile'
import path from 'node:path'
import { startLocalCloud } from '@points-club/wechat-local-cloud/testing'

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}

async function main(): Promise<void> {
  const cloud = await startLocalCloud({
    functionsDir: path.join(__dirname, '..', 'packages', 'local-cloud', 'src', 'host', 'fixtures'),
    maxInstances: 4,
  })
  try {
    const [, cold] = await timed(() => cloud.call('whoami', {}, 'bench'))
    const warm: number[] = []
    for (let i = 0; i < 50; i++) warm.push((await timed(() => cloud.call('whoami', {}, 'bench')))[1])
    const [, burst] = await timed(() => Promise.all(Array.from({ length: 100 }, (_, i) => cloud.call('whoami', {}, `bench-${i}`))))
    const [, relayCold] = await timed(() => cloud.call('caller', { action: 'relay' }, 'bench'))
    const relay: number[] = []
    for (let i = 0; i < 20; i++) relay.push((await timed(() => cloud.call('caller', { action: 'relay' }, 'bench')))[1])
    console.log(`cold start (fork + load wx-server-sdk + call): ${cold.toFixed(0)} ms`)
    console.log(`warm call: p50 ${percentile(warm, 50).toFixed(1)} ms, p95 ${percentile(warm, 95).toFixed(1)} ms`)
    console.log(`100 concurrent shoppers on up to 4 instances: ${burst.toFixed(0)} ms (${(100_000 / burst).toFixed(0)} calls/s)`)
    console.log(`cloud.callFunction relay: first ${relayCold.toFixed(0)} ms, warm p50 ${percentile(relay, 50).toFixed(1)} ms`)
  } finally {
    await cloud.close()
  }
}

void main()
