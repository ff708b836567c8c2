/** The answer every function gives: `{ ok: true, data }` or `{ ok: false, error: { code, message } }`. */
import type { Envelope, ErrorCode } from '../../shared/api'
import { isRefusal } from '../../shared/refusal'

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message: string, field?: string): Envelope<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } }
}

/** A refusal becomes its code; anything else is logged and answered as INTERNAL. */
export function fromError(err: unknown): Envelope<never> {
  if (isRefusal(err)) return fail(err.code, err.message, err.field)
  console.error('unexpected error', err)
  return fail('INTERNAL', '系统繁忙，请稍后再试')
}
