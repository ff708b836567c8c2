import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoverFunctions } from './function-config'
import { FunctionPool, type Call } from './pool'

const FIXTURES = path.join(__dirname, 'fixtures')

const call = (event: unknown): Call => ({ env: {}, unset: [], clockOffset: 0, event, context: {} })

describe('a pool grown under load', () => {
  it('shrinks back to one warm instance once idle, and that one still answers', async () => {
    const spec = discoverFunctions(FIXTURES).get('slow')
    if (!spec) throw new Error('fixture slow is missing')
    const pool = new FunctionPool(spec, { maxInstances: 4, idleMs: 300, baseEnv: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' })
    try {
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => pool.run(call({ ms: 200 }))))
      expect(outcomes.every((o) => o.kind === 'ok')).toBe(true)
      const grown = pool.stats().coldStarts
      expect(grown).toBeGreaterThan(1)
      const deadline = Date.now() + 10_000
      while (pool.stats().instances > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(pool.stats()).toMatchObject({ instances: 1, busy: 0, coldStarts: grown })
      // the one kept is warm: the next call starts no process
      expect(await pool.run(call({ ms: 1 }))).toMatchObject({ kind: 'ok' })
      expect(pool.stats()).toMatchObject({ instances: 1, coldStarts: grown })
    } finally {
      await pool.close()
    }
  })
})
