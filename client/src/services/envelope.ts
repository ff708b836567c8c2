import { ERROR_CODES } from '../../../shared/api'
import type { Envelope, ErrorCode } from './contract'

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>

const CHINESE = /[\u4e00-\u9fff]/

// Anything that is not a well-formed envelope becomes an INTERNAL one the page can show as is.
export function toEnvelope<T>(raw: unknown): Envelope<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const env = raw as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; field?: unknown } }
    if (env.ok === true) return { ok: true, data: (env.data ?? {}) as T }
    if (env.ok === false && env.error && typeof env.error.code === 'string') {
      const code = (ERROR_CODES as readonly string[]).includes(env.error.code) ? (env.error.code as ErrorCode) : 'INTERNAL'
      // a message for shoppers is Chinese; anything else (a platform's English) gives way to a plain sentence
      const message = typeof env.error.message === 'string' && CHINESE.test(env.error.message) ? env.error.message : '操作失败，请稍后再试'
      // the field a refusal names lets a form show it in place; it is a path, never shown as text
      const field = typeof env.error.field === 'string' && env.error.field ? env.error.field : undefined
      return { ok: false, error: field ? { code, message, field } : { code, message } }
    }
  }
  return internal('服务返回了无法识别的结果，请稍后再试')
}

export function internal<T>(message: string): Envelope<T> {
  return { ok: false, error: { code: 'INTERNAL', message } }
}

// The local cloud's HTTP route: the body is the event, the header carries the caller's identity.
export async function callOverHttp<T>(
  fetchFn: FetchLike,
  name: string,
  event: Record<string, unknown>,
  openid: string,
  base = '',
): Promise<Envelope<T>> {
  let res: Awaited<ReturnType<FetchLike>>
  try {
    res = await fetchFn(`${base}/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(event),
    })
  } catch {
    return internal('网络连接失败，请检查网络后重试')
  }
  const text = await res.text().catch(() => '')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return internal(res.ok ? '服务返回了无法识别的结果，请稍后再试' : `服务暂时不可用（${res.status}），请稍后再试`)
  }
  return toEnvelope<T>(body)
}
