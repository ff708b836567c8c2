/**
 * `tsx bench/expiry.ts [members...]`: the daily expiry job over 10,000 and 100,000 members whose points are due.
 * Members are inserted straight into the database (1,000 per request), the clock moves past their expiry, and the
 * timer trigger fires once: a run that cannot finish hands the rest to a fresh run of itself. Prints time and
 * database requests per 1,000 members, and how many runs (each within the function's 60 s limit, new work
 * stopping at 45 s) a full sweep needs.
 */
import { EJSON } from 'bson'
import type { Envelope } from '../shared/api'
import { endOfMonth } from '../shared/calendar'
import type { JobReport } from '../cloudfunctions/expiry/index'
import { startTestCloud, type TestCloud } from '../cloudfunctions/testkit'

const TIME_LIMIT_S = 60

async function requests(c: TestCloud): Promise<number> {
  return ((await c.stats()) as { database: { requests: number } }).database.requests
}

/** A member with 100 points due at the end of 2030-01 and 50 more at the end of 2030-06. */
function memberDoc(i: number): string {
  const at = new Date('2029-01-15T02:00:00Z')
  const doc = {
    _id: `bench-${String(i).padStart(6, '0')}`,
    nickname: '会员',
    birthday: null,
    birthdayMonth: null,
    address: null,
    balance: 150,
    lifetimePoints: 150,
    totalSpentFen: 0,
    purchases: 0,
    tier: 'normal',
    streak: { count: 0, lastDay: null },
    profileAwarded: { birthday: false, address: false },
    lots: [
      { expires: '2030-01', points: 100 },
      { expires: '2030-06', points: 50 },
    ],
    nextExpiryAt: endOfMonth('2030-01'),
    redeemed: {},
    subscriptions: {},
    seq: 1,
    createdAt: at,
    updatedAt: at,
  }
  return EJSON.stringify(doc, { relaxed: false })
}

async function insertMembers(c: TestCloud, count: number): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    const data = Array.from({ length: Math.min(1000, count - from) }, (_, k) => memberDoc(from + k))
    await c.cloud.server.db.handle('database.insertDocument', { collectionName: 'members', data })
  }
}

/** Fires the timer trigger; answers the first run's report. */
async function trigger(c: TestCloud): Promise<JobReport> {
  const res = await fetch(`${c.url}/_emulator/trigger/expiry`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  const body = (await res.json()) as Envelope<JobReport> | { errMsg: string }
  if (!('ok' in body) || !body.ok) throw new Error(`expiry run failed: ${JSON.stringify(body)}`)
  return body.data
}

async function sweep(count: number): Promise<void> {
  const c = await startTestCloud()
  try {
    const loadStart = performance.now()
    await insertMembers(c, count)
    const loadS = (performance.now() - loadStart) / 1000
    await c.setClock(new Date('2030-02-01T03:00:00+08:00').toISOString())
    const before = await requests(c)
    const started = performance.now()
    // the first run hands what it cannot finish to fresh runs of itself; follow them through the job record
    const runs: JobReport[] = [await trigger(c)]
    for (let last = runs[0]!, seen = performance.now(); !last.done;) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const job = (await c.docs<JobReport>('settings', { _id: 'expiry-job' }))[0]
      if (job && job.hop > last.hop) [last, seen] = [job, performance.now()]
      if (last !== runs.at(-1)) runs.push(last)
      if (performance.now() - seen > 2 * TIME_LIMIT_S * 1000) throw new Error(`the sweep stopped after run ${last.hop + 1} without finishing`)
    }
    for (const r of runs)
      console.log(
        `  run ${r.hop + 1}: ${(r.ms / 1000).toFixed(1)} s, expired ${r.steps.points?.changed ?? 0} members, failed ${r.steps.points?.failed ?? 0}`,
      )
    const seconds = (performance.now() - started) / 1000
    const used = (await requests(c)) - before
    const expired = runs.reduce((s, r) => s + (r.steps.points?.changed ?? 0), 0)
    const longest = Math.max(...runs.map((r) => r.ms)) / 1000
    console.log(
      `${count.toLocaleString('en-US')} members (inserted in ${loadS.toFixed(1)} s): expired ${expired.toLocaleString('en-US')} in ${seconds.toFixed(1)} s over ${runs.length} run(s)`,
    )
    console.log(
      `  per 1,000 members: ${((seconds * 1000) / count).toFixed(2)} s, ${Math.round((used * 1000) / count).toLocaleString('en-US')} database requests`,
    )
    console.log(
      `  longest run ${longest.toFixed(1)} s of the ${TIME_LIMIT_S} s limit; ${runs.length === 1 ? 'one run covers the sweep' : `a full sweep needs ${runs.length} runs`}`,
    )
  } finally {
    await c.close()
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
  for (const count of sizes.length > 0 ? sizes : [10_000, 100_000]) await sweep(count)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
