/**
 * `npm run bench -- compare`: the same load, host and database figures against the baseline commit
 * (checked out into a temporary folder) and this tree, back to back in rounds that alternate which
 * goes first, each in a fresh process; prints each figure (median over rounds), the old one and the ratio.
 * BASELINE (default 4967b72), BENCH_ROUNDS (default 2), BENCH_OPERATIONS etc. as for actions.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { checkout } from './baseline'
import type { Figures } from './figures'

const BASELINE = process.env.BASELINE ?? '4967b72'
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const KINDS = ['load', 'host', 'db'] as const

function measure(kind: string, tree: string): Figures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'figures.ts'), kind, tree], {
    encoding: 'utf8',
    env: { ...process.env, SHOW_LOGS: '0' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const line = run.stdout.split('\n').find((l) => l.startsWith('FIGURES '))
  if (run.status !== 0 || !line) throw new Error(`${kind} on ${tree} failed:\n${run.stderr.slice(-4000)}`)
  return JSON.parse(line.slice('FIGURES '.length)) as Figures
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function print(kind: string, old: Figures[], now: Figures[]): void {
  console.log(`\n${kind} (median of ${now.length} round${now.length === 1 ? '' : 's'}; ratio = now / ${BASELINE})`)
  console.log(`  ${'figure'.padEnd(34)}${'now'.padStart(12)}${BASELINE.padStart(12)}${'ratio'.padStart(9)}`)
  for (const key of Object.keys(now[0] ?? {})) {
    const a = median(now.map((f) => f[key] ?? NaN))
    const b = median(old.map((f) => f[key] ?? NaN))
    const ratio = b === 0 ? (a === 0 ? '1.00' : '-') : (a / b).toFixed(2)
    console.log(`  ${key.padEnd(34)}${a.toFixed(a < 10 ? 2 : 1).padStart(12)}${b.toFixed(b < 10 ? 2 : 1).padStart(12)}${ratio.padStart(9)}`)
  }
}

function main(): void {
  const here = path.join(__dirname, '..')
  const old = checkout(BASELINE)
  console.log(
    `baseline ${BASELINE} in ${old}; ${ROUNDS} rounds; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const results: Record<string, { old: Figures[]; now: Figures[] }> = {}
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of KINDS) {
      const slot = (results[kind] ??= { old: [], now: [] })
      // alternate which goes first, so a trend in the machine's load favours neither
      const order = round % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const)
      for (const which of order) {
        const figures = measure(kind, which === 'old' ? old : here)
        slot[which].push(figures)
        console.log(
          `  round ${round + 1} ${kind} ${which}: ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`,
        )
      }
    }
  }
  for (const kind of KINDS) print(kind, results[kind]!.old, results[kind]!.now)
  console.log(
    `\nload average at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
}

main()
