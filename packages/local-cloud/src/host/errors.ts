/**
 * The errors `wx.cloud.callFunction` reports, as `{ errCode, errMsg }`, and the CloudBase codes
 * the server SDK turns into the same numbers when one function calls another.
 */
import type { Outcome } from './pool'

export interface WxCallError {
  errCode: number
  errMsg: string
}

/** A failed call: the HTTP status for the local route and the body the client sees. */
export interface CallFailure {
  status: number
  body: WxCallError
}

export const ERR_FUNCTION_NOT_FOUND = -501000
export const ERR_INVALID_PARAM = -501007
export const ERR_EXECUTE_FAIL = -504002
export const ERR_TIMEOUT = -504003

const CLIENT_PREFIX = 'cloud.callFunction:fail Error: '

function callFail(errCode: number, codeText: string, detail: string): WxCallError {
  return { errCode, errMsg: `${CLIENT_PREFIX}errCode: ${errCode} ${codeText} | errMsg: ${detail}` }
}

/** A function that threw or whose instance died: 500 with -504002. */
export function executeFailure(message: string): CallFailure {
  return { status: 500, body: callFail(ERR_EXECUTE_FAIL, 'functions execute fail', message) }
}

/** A function past its time limit: 504 with -504003. */
export function timeoutFailure(timeoutMs: number): CallFailure {
  return { status: 504, body: callFail(ERR_TIMEOUT, 'functions invoking timeout', `Invoking task timed out after ${timeoutMs / 1000} seconds`) }
}

export function notFoundFailure(name: string): CallFailure {
  return { status: 404, body: callFail(ERR_FUNCTION_NOT_FOUND, 'function not found', `[ResourceNotFound.Function] no function named ${name}`) }
}

export function badRequestFailure(status: 400, detail: string): CallFailure {
  return { status, body: callFail(ERR_INVALID_PARAM, 'invalid parameters', detail) }
}

/** Maps a non-ok outcome to what the caller sees. */
export function outcomeFailure(outcome: Exclude<Outcome, { kind: 'ok' }>): CallFailure {
  return outcome.kind === 'timeout' ? timeoutFailure(outcome.timeoutMs) : executeFailure(outcome.message)
}

/**
 * The `/admin` answer for a failed `functions.invokeFunction`: a CloudBase error body. The real
 * wx-server-sdk 4.0.2 raises it in the calling function as errCode -1 whose errMsg carries this
 * message (e.g. "callFunction:fail errCode: -504002 functions execute fail | errMsg: ...").
 */
export function adminFailure(failure: CallFailure): Record<string, unknown> {
  const code = failure.status === 404 ? 'FUNCTIONS_REQUEST_FAIL' : 'FUNCTIONS_EXECUTE_FAIL'
  return { code, message: failure.body.errMsg.slice(CLIENT_PREFIX.length) }
}
