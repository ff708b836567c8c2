/** A console or snapshot request the local cloud refuses: answered with its status and a clear message, nothing changed. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const invalid = (message: string): ConsoleError => new ConsoleError(400, 'INVALID_PARAM', message)
export const notFound = (message: string): ConsoleError => new ConsoleError(404, 'NOT_FOUND', message)

/** The body as an object, or a 400 naming what to send. */
export function objectBody(body: unknown, expected: string): Record<string, unknown> {
  if (body === undefined) return {}
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid(`send a JSON object: ${expected}`)
  return body as Record<string, unknown>
}

/** Runs a handler; a ConsoleError becomes its status and `{ code, message }`. */
export async function answer(run: () => unknown): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await run() }
  } catch (error) {
    if (error instanceof ConsoleError) return { status: error.status, body: { code: error.code, message: error.message } }
    throw error
  }
}
