/**
 * The H5 client, built when its sources changed since the last build. `npm start` calls it, and
 * `npm test` runs it once before the browser suites so they never build side by side.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const CLIENT = path.join(ROOT, 'client')
export const H5_BUILD = path.join(ROOT, 'build', 'h5')

/** Runs the Taro H5 build when the client changed since the last one; false when there is none to serve. */
export function buildH5IfStale(): boolean {
  if (!fs.existsSync(path.join(CLIENT, 'config', 'index.ts'))) {
    console.log('no client/config/index.ts: skipping the H5 build')
    return fs.existsSync(path.join(H5_BUILD, 'index.html'))
  }
  const builtAt = mtime(path.join(H5_BUILD, 'index.html'))
  const sources = ['src', 'config'].map((dir) => path.join(CLIENT, dir)).concat(path.join(ROOT, 'shared'))
  if (builtAt > 0 && sources.every((dir) => newest(dir) <= builtAt)) return true
  console.log('building the H5 client (npx taro build --type h5)...')
  // A production build whatever NODE_ENV the caller has (a test runner sets `test`).
  const { NODE_ENV: _callerEnv, ...env } = process.env
  const run = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: CLIENT, env, stdio: 'inherit' })
  if (run.status !== 0) console.error('the H5 build failed; serving the functions without it')
  return fs.existsSync(path.join(H5_BUILD, 'index.html'))
}

function mtime(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0
}

function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  let latest = mtime(dir)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : mtime(full))
  }
  return latest
}

// `tsx scripts/build-h5.ts`: build if stale, and fail when there is no build to serve.
if (require.main === module && !buildH5IfStale()) process.exit(1)
