import { defineConfig } from 'vitest/config'

// `npm run test:weapp`, by hand on a machine with WeChat DevTools: not part of `npm test` (its files are *.spec.ts).
export default defineConfig({
  test: {
    include: ['**/weapp-e2e/**/*.spec.ts'],
    exclude: ['**/node_modules/**', 'build/**'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
