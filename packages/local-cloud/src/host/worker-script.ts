/** Compiles worker.ts to plain JavaScript once, so each instance starts with bare `node` (no tsx). */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'

let cached: string | null = null

/** Path of the runnable worker script, rebuilt when worker.ts changes. */
export function workerScript(): string {
  if (cached && fs.existsSync(cached)) return cached
  const source = path.join(__dirname, 'worker.ts')
  const hash = crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex').slice(0, 16)
  const target = path.join(os.tmpdir(), `points-club-worker-${hash}.js`)
  if (!fs.existsSync(target)) {
    const out = buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node16', write: false })
    // Write then rename so parallel test files never run a half-written script.
    const temp = `${target}.${process.pid}.tmp`
    fs.writeFileSync(temp, out.outputFiles[0]?.contents ?? '')
    fs.renameSync(temp, target)
  }
  cached = target
  return target
}
