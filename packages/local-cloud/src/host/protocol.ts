/** Messages between the host and a function's worker process. */

/** Starts one invocation inside a worker. */
export interface InvokeMessage {
  type: 'invoke'
  id: number
  /** Variables the cloud sets per call: the WX context, trigger source, API token. */
  env: Record<string, string>
  /** Variables to remove before the call (left over from the previous caller). */
  unset: string[]
  /** Milliseconds added to real time, so `new Date()` follows the emulator clock. */
  clockOffset: number
  event: unknown
  context: Record<string, unknown>
}

/** The function is loaded and its handler starts: the time limit counts from here, not from the cold start. */
export interface StartedMessage {
  type: 'started'
  id: number
}

/** One line a function wrote to its console during an invocation. */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  text: string
}

/** Where an invocation's time went inside its instance, in milliseconds. */
export interface WorkerTiming {
  /** From the handler's start to its answer. */
  runMs: number
  /** Wall time with at least one request to the local cloud in flight (database, other functions, storage). */
  cloudMs: number
  cloudRequests: number
}

/** The outcome of one invocation: the function's return value as JSON text, or its error, with its console output. */
export type ResultMessage =
  | { type: 'result'; id: number; ok: true; json: string; logs: LogLine[]; timing?: WorkerTiming }
  | { type: 'result'; id: number; ok: false; message: string; stack?: string; logs: LogLine[]; timing?: WorkerTiming }
