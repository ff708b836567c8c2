/**
 * `npm run bench [name...]`: runs the benchmarks one after another, each in its own process so one's
 * load does not skew the next. Names: actions, expiry, db, host, h5 (default: these), requests, cost, compare.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const BENCHES: Record<string, { file: string; what: string }> = {
  actions: { file: 'actions.ts', what: 'database requests per action and a mixed shopper load' },
  requests: { file: 'requests.ts', what: 'database requests per action alone (BENCH_TRACE=1 lists each)' },
  expiry: { file: 'expiry.ts', what: 'the expiry sweep over 10,000 and 100,000 members' },
  db: { file: 'db.ts', what: 'the database emulator through the SDK and straight to the store' },
  host: { file: 'host.ts', what: 'the function host: cold start, warm calls, bursts' },
  h5: { file: 'h5.ts', what: 'the H5 build in Chromium: first meaningful render of home, JavaScript size' },
  cost: { file: 'cost.ts', what: 'cloud calls per 1,000 active members a day, priced at CloudBase call-pack rates' },
  compare: { file: 'compare.ts', what: 'load, host and database figures against the baseline commit, side by side with ratios' },
}
/** Run only when named: they repeat the others' work. */
const ON_REQUEST = new Set(['requests', 'cost', 'compare'])

const names = process.argv.slice(2)
const unknown = names.filter((name) => !(name in BENCHES))
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const name of names.length > 0 ? names : Object.keys(BENCHES).filter((n) => !ON_REQUEST.has(n))) {
  const bench = BENCHES[name]!
  console.log(`\n=== ${name}: ${bench.what}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, bench.file)], { stdio: 'inherit' })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
