import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Invocation } from './invocations'
import { startLocalCloud, type TestLocalCloud } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestLocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: path.join(__dirname, 'fixtures'), maxInstances: 1 })
})

afterAll(async () => {
  await cloud?.close()
})

const invocationsAfter = async (id: number): Promise<Invocation[]> => {
  const res = await fetch(`${cloud.url}/_emulator/invocations?after=${id}`)
  return ((await res.json()) as { invocations: Invocation[] }).invocations
}

describe('the invocation record', () => {
  it('keeps each call: function, action, OPENID, database requests, result code and only its own console lines', async () => {
    const after = (await invocationsAfter(0)).at(-1)?.id ?? 0
    await cloud.call('chatty', { action: 'look', who: 'ann' }, 'shopper-ann')
    await cloud.call('chatty', { action: 'look', who: 'bob', fail: true }, 'shopper-bob')
    const [ann, bob] = await invocationsAfter(after)
    expect(ann).toMatchObject({ functionName: 'chatty', action: 'look', openid: 'shopper-ann', source: 'wx_client', dbRequests: 2, errCode: 0 })
    expect(ann?.logs).toEqual([
      { level: 'log', text: 'checking ann' },
      { level: 'warn', text: "found 0 { who: 'ann' }" },
    ])
    expect(ann?.durationMs).toBeGreaterThanOrEqual(0)
    expect(bob).toMatchObject({ openid: 'shopper-bob', errCode: -504002, dbRequests: 2 })
    expect(bob?.error).toContain('no bob')
    expect(bob?.logs.map((l) => l.text)).toEqual(['checking bob', "found 0 { who: 'bob' }"])
  })

  it('records a timer run without OPENID, and a timeout with its code', async () => {
    const last = (await invocationsAfter(0)).at(-1)?.id ?? 0
    await cloud.trigger('nightly')
    await cloud.call('slow', { ms: 10_000 })
    const [timer, slow] = await invocationsAfter(last)
    expect(timer).toMatchObject({ functionName: 'nightly', source: 'wx_trigger', errCode: 0 })
    expect(timer?.openid).toBeUndefined()
    expect(slow).toMatchObject({ functionName: 'slow', errCode: -504003 })
  })

  it('refuses an after that is not an invocation id', async () => {
    const res = await fetch(`${cloud.url}/_emulator/invocations?after=abc`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toContain('after must be')
  })
})
