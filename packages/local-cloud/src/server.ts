import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseBoundedJson, TooDeepError } from './bounded-json'
import { Clock } from './clock'
import { CloudDatabase } from './db/database'
import { DbError } from './db/errors'
import { phaseStopwatch, timed, type PhaseTimes } from './db/phase-clock'
import type { DeclaredCollections } from './db/store'
import { refusal } from './request-guard'

/** What a handler may answer: the server awaits either. */
export type Awaitable<T> = T | Promise<T>

export interface Route {
  method: 'GET' | 'POST' | 'PUT'
  pattern: RegExp
  /** `body` is the parsed JSON of a POST; `raw` the bytes as sent (a PUT's file); a Buffer reply is sent as is. */
  handle(req: RouteRequest): Awaitable<{ status: number; body: unknown; contentType?: string }>
  /** Largest body this route accepts, when not the server's. */
  maxBodyBytes?: number
}

export interface RouteRequest {
  match: RegExpMatchArray
  body: unknown
  raw: Buffer
  query: URLSearchParams
  headers: IncomingHttpHeaders
}

export interface ServerOptions {
  /** 0 picks any free port; default 0. */
  port?: number
  dataDir: string
  clock?: Clock
  /** Admin actions the database does not answer, e.g. `functions.invokeFunction`. */
  adminHandlers?: Record<string, (body: Record<string, unknown>) => Awaitable<Record<string, unknown>>>
  /** Sees every database request at `/admin` before it runs (the function host counts them per invocation). */
  onDatabaseRequest?: (body: Record<string, unknown>) => void
  /** Sees each database request's time once answered: the whole request and its parse, SQL and serialise phases. */
  onDatabaseTiming?: (body: Record<string, unknown>, timing: DatabaseTiming) => void
  /** multipart/form-data admin calls (`wx.openApi`): raw body in, raw reply out. */
  multipartAdmin?: (raw: Buffer, contentType: string) => Awaitable<{ contentType: string; body: Buffer }>
  routes?: Route[]
  extraStats?: () => Record<string, unknown>
  onReset?: () => Promise<void>
  /** Largest request body accepted; default 5 MB. */
  maxBodyBytes?: number
  /** Open transactions are aborted after this long; default 30 s. */
  transactionTimeoutMs?: number
  /** The project's collections and indexes, created on first start and after every reset. */
  collections?: DeclaredCollections
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787; the SDK's admin URL is `${url}/admin`. */
  url: string
  port: number
  clock: Clock
  db: CloudDatabase
  close(): Promise<void>
}

/** One database request as the server spent it, in milliseconds; what the phases leave is mingo and bookkeeping. */
export type DatabaseTiming = PhaseTimes & { totalMs: number }

interface Reply {
  status: number
  body: unknown
  contentType?: string
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const requestId = (): string => randomBytes(8).toString('hex')

/** Starts the local cloud's HTTP server on 127.0.0.1: the database at POST /admin, control routes, then `routes`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? new Clock()
  const db = new CloudDatabase({
    dataDir: options.dataDir,
    clock,
    transactionTimeoutMs: options.transactionTimeoutMs,
    collections: options.collections,
  })
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024

  /** `seen` learns the body of a database request, so its time can be reported once answered. */
  const dispatch = async (req: IncomingMessage, url: URL, raw: Buffer, seen: (body: Record<string, unknown>) => void): Promise<Reply> => {
    const path = url.pathname
    const method = req.method ?? 'GET'
    // every JSON body is parsed (and its depth checked) before any route sees it, even routes that ignore it
    const body = method === 'POST' && !isMultipart(req) && raw.length > 0 ? parseJson(raw) : undefined
    if (method === 'POST' && path === '/admin') return isMultipart(req) ? multipartAdmin(req, raw) : admin(body, seen)
    if (method === 'GET' && path === '/_emulator/stats') {
      return { status: 200, body: { database: db.stats(), http: { connections }, ...(options.extraStats?.() ?? {}) } }
    }
    if (method === 'POST' && path === '/_emulator/clock') return setClock(body)
    if (method === 'POST' && path === '/_emulator/reset') {
      db.reset()
      await options.onReset?.()
      return { status: 200, body: { ok: true } }
    }
    for (const route of options.routes ?? []) {
      const match = route.method === method ? path.match(route.pattern) : null
      if (match) return route.handle({ match, body, raw, query: url.searchParams, headers: req.headers })
    }
    throw new HttpError(404, 'NOT_FOUND', `no route for ${method} ${path}`)
  }

  const multipartAdmin = async (req: IncomingMessage, raw: Buffer): Promise<Reply> => {
    if (!options.multipartAdmin) throw new HttpError(400, 'UNSUPPORTED', 'multipart admin calls are not served here')
    const out = await options.multipartAdmin(raw, req.headers['content-type'] ?? '')
    return { status: 200, body: out.body, contentType: out.contentType }
  }

  const admin = async (body: unknown, seen: (body: Record<string, unknown>) => void): Promise<Reply> => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'INVALID_JSON', 'the body must be a JSON object')
    const fields = body as Record<string, unknown>
    const action = typeof fields.action === 'string' ? fields.action : ''
    try {
      if (db.handles(action)) {
        options.onDatabaseRequest?.(fields)
        seen(fields)
        return ok(await db.handle(action, fields))
      }
      const extra = options.adminHandlers?.[action]
      if (extra) return ok(await extra(fields))
      return ok({ code: 'INVALID_ACTION', message: `unknown action ${action || '(none)'}` })
    } catch (err) {
      if (err instanceof DbError) return ok({ code: err.code, message: err.message })
      const message = err instanceof Error ? err.message : String(err)
      return ok({ code: 'DATABASE_REQUEST_FAILED', message: `internal error: ${message}` })
    }
  }

  const setClock = (body: unknown): Reply => {
    const now = (body as { now?: unknown } | null)?.now
    if (now !== null && typeof now !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'send { now: ISO instant | null }')
    try {
      clock.set(now)
    } catch (err) {
      throw new HttpError(400, 'INVALID_PARAM', (err as Error).message)
    }
    return { status: 200, body: { now: clock.now().toISOString(), offset: clock.offset } }
  }

  const bodyLimit = (method: string, path: string): number =>
    options.routes?.find((route) => route.method === method && route.pattern.test(path))?.maxBodyBytes ?? maxBody

  // the port the Host header must name; known once listening
  let port = 0
  // connections opened so far: far fewer than requests when clients keep them alive
  let connections = 0
  const server = createServer((req, res) => {
    // nothing a client sends may crash the process: a failure while answering drops that connection
    serve(req, res).catch(() => res.destroy())
  })
  server.on('connection', () => (connections += 1))

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let dbRequest: Record<string, unknown> | undefined
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const raw = await readBody(req, bodyLimit(req.method ?? 'GET', url.pathname))
      // from the whole body in hand to the reply written: the server's own time, not the client's sending
      const stopwatch = phaseStopwatch()
      const refused = refusal(req.method ?? 'GET', url.pathname, req.headers, port)
      if (refused) throw new HttpError(refused.status, refused.code, refused.message)
      send(res, await dispatch(req, url, raw, (fields) => (dbRequest = fields)))
      if (dbRequest) options.onDatabaseTiming?.(dbRequest, stopwatch.read())
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500
      const code = err instanceof HttpError ? err.code : 'INTERNAL'
      const message = err instanceof Error ? err.message : String(err)
      send(res, { status, body: { code, message, requestId: requestId() } })
      // an oversize body is left unread: close the connection rather than drain it
      if (status === 413) res.once('finish', () => req.destroy())
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    db,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      db.close()
    },
  }
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('multipart/form-data')
}

function ok(body: Record<string, unknown>): Reply {
  return { status: 200, body: { ...body, requestId: requestId() } }
}

/** Every JSON body is parsed here: malformed or too deeply nested ones are answered 400 before any dispatch. */
function parseJson(raw: Buffer): unknown {
  try {
    return timed('parse', () => parseBoundedJson(raw.toString('utf8')))
  } catch (err) {
    if (err instanceof TooDeepError) throw new HttpError(400, 'NESTED_TOO_DEEP', `the JSON body is ${err.message}`)
    throw new HttpError(400, 'INVALID_JSON', `malformed JSON body: ${(err as Error).message}`)
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return
  const buffer = Buffer.isBuffer(reply.body) ? reply.body : timed('serialise', () => Buffer.from(JSON.stringify(reply.body ?? null)))
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? 'application/json; charset=utf-8',
    'content-length': buffer.length,
  })
  res.end(buffer)
}

/** Reads the body up to `max` bytes; past that it stops reading (without destroying) so a 413 can still be sent. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = (): HttpError => new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body over ${max} bytes`)
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= max) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.pause()
      reject(tooLarge())
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
