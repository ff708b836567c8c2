import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverFunctions } from './function-config'
import { FunctionPool, type Call } from './pool'

const FIXTURES = path.join(__dirname, 'fixtures')

let pool: FunctionPool

const call = (event: unknown): Call => ({ env: {}, unset: [], clockOffset: 0, event, context: {} })
const deepArray = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth))

beforeAll(() => {
  const spec = discoverFunctions(FIXTURES).get('slow')
  if (!spec) throw new Error('fixture slow is missing')
  // one instance: a call left busy would block the next one
  pool = new FunctionPool(spec, { maxInstances: 1, baseEnv: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' })
})

afterAll(async () => {
  await pool.close()
})

describe('a call the pool cannot hand to its instance', () => {
  it('fails at once and leaves the instance free for the next caller', async () => {
    const started = Date.now()
    // a function cannot cross the IPC channel; a 200,000-deep array overflows its serialiser
    for (const event of [
      { ms: 10, callback: () => 1 },
      { ms: 10, list: deepArray(200_000) },
    ]) {
      const outcome = await pool.run(call(event))
      expect(outcome).toMatchObject({ kind: 'error', message: expect.stringContaining('could not be handed to the function') })
      expect(pool.stats().busy).toBe(0)
    }
    expect(await pool.run(call({ ms: 10 }))).toEqual({ kind: 'ok', json: JSON.stringify({ finished: true }), logs: [] })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(pool.stats()).toMatchObject({ instances: 1, coldStarts: 1, errors: 2 })
  })
})
