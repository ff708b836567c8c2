import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFunctions } from './build-functions'

let work: string
let sourceDir: string
let outDir: string

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'build-functions-'))
  sourceDir = path.join(work, 'cloudfunctions')
  outDir = path.join(work, 'build', 'cloudfunctions')
  write(path.join(sourceDir, 'lib', 'greet.ts'), 'export const greet = (name: string): string => `你好, ${name}`\n')
  write(
    path.join(sourceDir, 'hello', 'index.ts'),
    "import dayjs from 'dayjs'\nimport { greet } from '../lib/greet'\nexport async function main(event: { name: string }) {\n  return { text: greet(event.name), year: dayjs('2026-03-01T00:00:00Z').year() }\n}\n",
  )
  write(path.join(sourceDir, 'hello', 'config.json'), '{ "timeout": 5 }\n')
  write(path.join(sourceDir, 'cloudy', 'index.ts'), "import cloud from 'wx-server-sdk'\nexport const main = async () => cloud.getWXContext()\n")
  write(path.join(sourceDir, 'broken', 'index.ts'), 'export const main = async () => {\n')
})

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('build:functions', () => {
  it('bundles each function into a folder WeChat DevTools can upload, reporting the one that does not compile', async () => {
    const report = await buildFunctions({ sourceDir, outDir })
    expect(report.built.sort()).toEqual(['cloudy', 'hello'])
    expect(report.failed.map((f) => f.name)).toEqual(['broken'])
    expect(fs.readdirSync(path.join(outDir, 'hello')).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'hello', 'package.json'), 'utf8'))).toMatchObject({
      main: 'index.js',
      dependencies: { 'wx-server-sdk': '4.0.2' },
    })
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'hello', 'config.json'), 'utf8'))).toEqual({ timeout: 5 })
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'cloudy', 'config.json'), 'utf8'))).toEqual({ permissions: { openapi: [] } })
  })

  it('inlines shared code and libraries but keeps wx-server-sdk external', async () => {
    const hello = require(path.join(outDir, 'hello', 'index.js')) as { main: (e: { name: string }) => Promise<unknown> }
    expect(await hello.main({ name: '小明' })).toEqual({ text: '你好, 小明', year: 2026 })
    const cloudy = fs.readFileSync(path.join(outDir, 'cloudy', 'index.js'), 'utf8')
    expect(cloudy).toContain('require("wx-server-sdk")')
    expect(fs.readFileSync(path.join(outDir, 'hello', 'index.js'), 'utf8')).not.toContain('require("dayjs")')
  })

  it('rebuilds only what changed, including code a function imports, unless forced', async () => {
    const again = await buildFunctions({ sourceDir, outDir })
    expect(again.built).toEqual([])
    expect(again.upToDate.sort()).toEqual(['cloudy', 'hello'])
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(path.join(sourceDir, 'lib', 'greet.ts'), later, later)
    const changed = await buildFunctions({ sourceDir, outDir })
    expect(changed.built).toEqual(['hello'])
    const forced = await buildFunctions({ sourceDir, outDir, force: true })
    expect(forced.built.sort()).toEqual(['cloudy', 'hello'])
  })
})
