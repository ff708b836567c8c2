import { describe, expect, it } from 'vitest'
import { Intent, randomId } from './intent'

function counter() {
  let n = 0
  return () => String(++n)
}

describe('one request id per intent', () => {
  it('reuses the id while the same intent is retried after a transport failure', () => {
    const intent = new Intent('r', counter())
    const first = intent.current('coffee')
    intent.settle('INTERNAL')
    expect(intent.current('coffee')).toBe(first)
    intent.settle('CONFLICT')
    expect(intent.current('coffee')).toBe(first)
  })

  it('starts a new intent after a definitive answer', () => {
    const intent = new Intent('r', counter())
    const first = intent.current('coffee')
    intent.settle(null)
    expect(intent.current('coffee')).not.toBe(first)
    const second = intent.current('coffee')
    intent.settle('INSUFFICIENT_POINTS')
    expect(intent.current('coffee')).not.toBe(second)
  })

  it("never lends one item's id to another item", () => {
    const intent = new Intent('r', counter())
    const coffee = intent.current('coffee')
    intent.settle('INTERNAL')
    expect(intent.current('free_delivery')).not.toBe(coffee)
  })

  it('makes 96-bit random ids that fit a 32-character code', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/)
  })
})
