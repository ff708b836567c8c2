/**
 * The local HTTP face of the host:
 *   POST /functions/<name>          body = event, caller OPENID from `x-wx-openid`, answers the return value
 *   POST /_emulator/trigger/<name>  fires that function's timer trigger now (no OPENID)
 * Failures answer `{ errCode, errMsg }` as wx.cloud.callFunction reports them, with a non-2xx status.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { badRequestFailure, notFoundFailure, type CallFailure } from './errors'
import type { CallResult, FunctionHost } from './host'
import { shopper } from './identity'

/** The largest event a shopper's call may carry. */
export const MAX_EVENT_BYTES = 1024 * 1024

export interface HostRoute {
  method: 'GET' | 'POST'
  pattern: RegExp
  handle(req: { match: RegExpMatchArray; body: unknown; headers: IncomingHttpHeaders }): Promise<{ status: number; body: unknown }>
}

export function hostRoutes(host: FunctionHost): HostRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/functions\/([A-Za-z0-9_-]+)\/?$/,
      async handle({ match, body, headers }) {
        const event = readEvent(body)
        if ('failure' in event) return reply({ ok: false, failure: event.failure })
        const openid = headerValue(headers['x-wx-openid'])
        return reply(await host.call(match[1] ?? '', event.value, shopper(openid)))
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/trigger\/([A-Za-z0-9_-]+)\/?$/,
      async handle({ match }) {
        const name = match[1] ?? ''
        if (!host.functions.get(name)?.trigger) return reply({ ok: false, failure: notFoundFailure(`${name} (with a timer trigger)`) })
        return reply(await host.fireTrigger(name))
      },
    },
  ]
}

function reply(result: CallResult): { status: number; body: unknown } {
  return result.ok ? { status: 200, body: result.value } : { status: result.failure.status, body: result.failure.body }
}

/** The event from a body the server may hand over raw (Buffer or text) or already parsed. */
function readEvent(body: unknown): { value: Record<string, unknown> } | { failure: CallFailure } {
  let value = body
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const text = body.toString()
    if (Buffer.byteLength(text) > MAX_EVENT_BYTES) return { failure: badRequestFailure(413, `the event is larger than ${MAX_EVENT_BYTES} bytes`) }
    if (text.trim() === '') return { value: {} }
    try {
      value = JSON.parse(text)
    } catch {
      return { failure: badRequestFailure(400, 'the request body is not valid JSON') }
    }
  } else if (value !== undefined && value !== null && Buffer.byteLength(JSON.stringify(value)) > MAX_EVENT_BYTES) {
    return { failure: badRequestFailure(413, `the event is larger than ${MAX_EVENT_BYTES} bytes`) }
  }
  if (value === undefined || value === null) return { value: {} }
  if (typeof value !== 'object' || Array.isArray(value)) return { failure: badRequestFailure(400, 'the event must be a JSON object') }
  return { value: value as Record<string, unknown> }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
