import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{shared,packages,cloudfunctions,client,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'build/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
