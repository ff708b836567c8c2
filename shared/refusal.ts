/** A business or input refusal: the handler turns it into `{ ok: false, error }`, never a crash. */
import type { ErrorCode } from './api'

export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The argument it is about, as a dotted path (`rules.checkIn.daily`), so a form can show it beside that field. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal || (value instanceof Error && value.name === 'Refusal' && 'code' in value)
}
