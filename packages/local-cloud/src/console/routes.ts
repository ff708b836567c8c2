/**
 * The console's JSON endpoints and its page at `/_emulator/ui`:
 *   GET  /_emulator/collections                          names, counts, indexes
 *   POST /_emulator/collections/<c>/query                { where, orderBy, order, skip, limit }
 *   POST /_emulator/collections/<c>/documents/<id>       { document }: replaces it
 *   POST /_emulator/collections/<c>/documents/<id>/delete
 *   GET  /_emulator/invocations?after=<id>               the function log, newest last
 *   GET  /_emulator/outbox                               messages sent through open APIs
 *   GET  /_emulator/clock, POST /_emulator/clock/jump    { days?, months? }
 *   GET  /_emulator/triggers, POST /_emulator/triggers   { paused }
 *   POST /_emulator/export, POST /_emulator/import       { dir }: a snapshot folder (see snapshot.ts)
 * Bad input answers 400 (unknown collection or document 404) with `{ code, message }` and changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../clock'
import type { CloudDatabase } from '../db/database'
import type { FunctionHost } from '../host/host'
import type { Route } from '../server'
import { exportSnapshot, importSnapshot, SnapshotError } from '../snapshot'
import { jump } from './clock-jump'
import { deleteDocument, listCollections, queryCollection, replaceDocument } from './data'
import { answer, ConsoleError, invalid, objectBody } from './errors'

export interface ConsoleTarget {
  /** The database, once the server that owns it is listening. */
  db: () => CloudDatabase
  host: FunctionHost
  clock: Clock
  dataDir: string
}

const UI_DIR = path.join(__dirname, 'ui')
const UI_FILES: Record<string, string> = { '': 'index.html', 'app.js': 'app.js', 'style.css': 'style.css' }
const UI_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}
const NAME = '([A-Za-z0-9_-]+)'
const ID = '([^/]+)'

export function consoleRoutes(target: ConsoleTarget): Route[] {
  const { host, clock } = target
  const get = (pattern: RegExp, run: (match: RegExpMatchArray, query: URLSearchParams) => unknown): Route => ({
    method: 'GET',
    pattern,
    handle: ({ match, query }) => answer(() => run(match, query)),
  })
  const post = (pattern: RegExp, run: (match: RegExpMatchArray, body: unknown) => unknown): Route => ({
    method: 'POST',
    pattern,
    handle: ({ match, body }) => answer(() => run(match, body)),
  })
  return [
    uiRoute(),
    get(/^\/_emulator\/collections\/?$/, () => ({ collections: listCollections(target.db()) })),
    post(new RegExp(`^/_emulator/collections/${NAME}/query$`), (m, body) => queryCollection(target.db(), m[1] ?? '', body)),
    post(new RegExp(`^/_emulator/collections/${NAME}/documents/${ID}/delete$`), (m) =>
      deleteDocument(target.db(), m[1] ?? '', decodeURIComponent(m[2] ?? '')),
    ),
    post(new RegExp(`^/_emulator/collections/${NAME}/documents/${ID}$`), (m, body) =>
      replaceDocument(target.db(), m[1] ?? '', decodeURIComponent(m[2] ?? ''), body),
    ),
    get(/^\/_emulator\/invocations$/, (_m, query) => ({ invocations: host.invocations.since(afterId(query.get('after'))) })),
    get(/^\/_emulator\/outbox$/, () => ({ outbox: host.outbox })),
    get(/^\/_emulator\/clock$/, () => clockState(clock)),
    post(/^\/_emulator\/clock\/jump$/, (_m, body) => {
      clock.set(jump(clock.now(), objectBody(body, '{ days?: 1, months?: 1 }')).toISOString())
      return clockState(clock)
    }),
    get(/^\/_emulator\/triggers$/, () => triggerState(host)),
    post(/^\/_emulator\/triggers$/, (_m, body) => {
      const paused = objectBody(body, '{ paused: true }').paused
      if (typeof paused !== 'boolean') throw invalid('send { paused: true } or { paused: false }')
      host.pauseTriggers(paused)
      return triggerState(host)
    }),
    post(/^\/_emulator\/export$/, (_m, body) => snapshotCall(() => exportSnapshot(snapshotTarget(target), snapshotDir(body)))),
    post(/^\/_emulator\/import$/, (_m, body) => {
      const dir = snapshotDir(body)
      return snapshotCall(() => host.withTriggersPaused(() => importSnapshot(snapshotTarget(target), dir)))
    }),
  ]
}

function snapshotTarget(target: ConsoleTarget): { db: CloudDatabase; dataDir: string } {
  return { db: target.db(), dataDir: target.dataDir }
}

function snapshotDir(body: unknown): string {
  const dir = objectBody(body, '{ dir: "path/to/snapshot" }').dir
  if (typeof dir !== 'string' || dir.trim() === '') throw invalid('send { dir: "path/to/snapshot" }, a folder on this machine')
  return dir
}

/** A snapshot the local cloud cannot read or write is the caller's to fix: 400 with the reason. */
async function snapshotCall<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof SnapshotError) throw new ConsoleError(400, 'INVALID_SNAPSHOT', error.message)
    throw error
  }
}

function uiRoute(): Route {
  return {
    method: 'GET',
    pattern: /^\/_emulator\/ui\/?(.*)$/,
    handle({ match }) {
      const file = UI_FILES[match[1] ?? '']
      if (!file) return { status: 404, body: { code: 'NOT_FOUND', message: `no console file ${match[1]}` } }
      const contentType = UI_TYPES[path.extname(file)] ?? 'text/plain; charset=utf-8'
      return { status: 200, body: fs.readFileSync(path.join(UI_DIR, file)), contentType }
    },
  }
}

function clockState(clock: Clock): { now: string; offset: number } {
  return { now: clock.now().toISOString(), offset: clock.offset }
}

function triggerState(host: FunctionHost): {
  paused: boolean
  triggers: Array<{ functionName: string; name: string; cron: string; next: string | null }>
} {
  const next = host.stats().nextTriggers as Record<string, string | null>
  const triggers = [...host.functions.values()].flatMap((spec) =>
    spec.trigger ? [{ functionName: spec.name, name: spec.trigger.name, cron: spec.trigger.cron, next: next[spec.name] ?? null }] : [],
  )
  return { paused: host.triggersPaused, triggers }
}

function afterId(text: string | null): number {
  if (text === null || text === '') return 0
  const id = Number(text)
  if (!Number.isInteger(id) || id < 0) throw invalid('after must be an invocation id (a whole number)')
  return id
}
