/**
 * What the local cloud refuses before dispatch, so that a web page open on the developer's machine
 * cannot drive it: a Host that is not this loopback server (DNS rebinding), an Origin that is not
 * its own (cross-site requests), and a POST body that is not JSON (a page may send text/plain or a
 * form anywhere without asking the server first; application/json needs a preflight we never grant).
 */
import type { IncomingHttpHeaders } from 'node:http'

export interface Refusal {
  status: number
  code: string
  message: string
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]']

/** Why this request is refused, or null to serve it. */
export function refusal(method: string, path: string, headers: IncomingHttpHeaders, port: number): Refusal | null {
  const ownHosts = LOOPBACK.map((name) => `${name}:${port}`)
  const host = (headers.host ?? '').toLowerCase()
  if (!ownHosts.includes(host)) {
    return {
      status: 421,
      code: 'FOREIGN_HOST',
      message: `the local cloud answers only requests addressed to ${ownHosts.join(', ')}, not Host ${host || '(none)'}`,
    }
  }
  const origin = headers.origin
  if (origin !== undefined && !ownHosts.some((own) => origin.toLowerCase() === `http://${own}`)) {
    return { status: 403, code: 'FOREIGN_ORIGIN', message: `the local cloud refuses requests from pages of another origin (${origin})` }
  }
  if (method === 'POST' && !acceptsBody(path, mediaType(headers['content-type']))) {
    const allowed = path === '/admin' ? 'application/json or multipart/form-data' : 'application/json'
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `send the body as Content-Type: ${allowed}` }
  }
  return null
}

/** JSON everywhere; multipart only on /admin, where the SDK sends its open-API calls (wx.openApi). */
function acceptsBody(path: string, type: string): boolean {
  return type === 'application/json' || (path === '/admin' && type === 'multipart/form-data')
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}
