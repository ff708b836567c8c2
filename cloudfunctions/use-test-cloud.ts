/** One seeded test cloud per test file: opened before its tests, closed after them once the ledger invariants are checked. */
import { afterAll, beforeAll, expect } from 'vitest'
import { startTestCloud, type TestCloud, type TestCloudOptions } from './testkit'

export function useTestCloud(options: TestCloudOptions = {}): TestCloud {
  let current: TestCloud | undefined
  beforeAll(async () => {
    current = await startTestCloud(options)
  })
  afterAll(async () => {
    if (!current) return
    expect(await current.violations()).toEqual([])
    await current.close()
  })
  // the tests use the cloud only once beforeAll has opened it
  return new Proxy({} as TestCloud, {
    get(_target, key) {
      if (!current) throw new Error('the test cloud opens in beforeAll')
      const value: unknown = Reflect.get(current, key)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value
    },
  })
}
