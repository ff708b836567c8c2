/**
 * A checkout of an older commit in a temporary folder, runnable beside this one: its own sources
 * (local cloud included), the same installed packages.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.join(__dirname, '..')

/** The folder holding `commit`'s files, made once and reused. */
export function checkout(commit: string): string {
  const dir = path.join(os.tmpdir(), `points-club-baseline-${commit}`)
  if (fs.existsSync(path.join(dir, '.ready'))) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT, stdio: 'inherit', shell: '/bin/sh' })
  linkPackages(dir)
  fs.writeFileSync(path.join(dir, '.ready'), commit)
  return dir
}

/** Every installed package linked from this tree's node_modules, except the local cloud: the checkout's own. */
function linkPackages(dir: string): void {
  const source = path.join(ROOT, 'node_modules')
  const target = path.join(dir, 'node_modules')
  fs.mkdirSync(path.join(target, '@points-club'), { recursive: true })
  for (const entry of fs.readdirSync(source)) {
    if (entry === '@points-club') continue
    fs.symlinkSync(fs.realpathSync(path.join(source, entry)), path.join(target, entry))
  }
  fs.symlinkSync(path.join(dir, 'packages', 'local-cloud'), path.join(target, '@points-club', 'wechat-local-cloud'))
}
