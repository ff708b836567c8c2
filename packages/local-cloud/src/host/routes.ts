/**
 * The local HTTP face of the host:
 *   POST /functions/<name>          body = event, caller OPENID from `x-wx-openid`, answers the return value
 *   POST /_emulator/trigger/<name>  fires that function's timer trigger now (no OPENID)
 * Failures answer `{ errCode, errMsg }` as wx.cloud.callFunction reports them, with a non-2xx status:
 * 404 -501000 unknown function, 400 -501007 an event that is not an object, 500 -504002 the function
 * threw, 504 -504003 it ran past its time limit.
 */
import type { Route } from '../server'
import { badRequestFailure, notFoundFailure, type CallFailure } from './errors'
import type { CallResult, FunctionHost } from './host'
import { shopper } from './identity'

export function hostRoutes(host: FunctionHost): Route[] {
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

/** The event from the parsed body (the server already answered malformed JSON with 400 and oversize with 413). */
function readEvent(body: unknown): { value: Record<string, unknown> } | { failure: CallFailure } {
  if (body === undefined || body === null) return { value: {} }
  if (typeof body !== 'object' || Array.isArray(body)) return { failure: badRequestFailure(400, 'the event must be a JSON object') }
  return { value: body as Record<string, unknown> }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
