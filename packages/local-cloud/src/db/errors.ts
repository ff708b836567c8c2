/** An error the SDK raises to the function: a 200 reply with `code` and `message`. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** Codes CloudBase answers with; wx-server-sdk maps them to numeric `errCode`s. */
export type DbErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'

export const invalidQuery = (why: string): DbError => new DbError('DATABASE_INVALID_OPERRATOR', `invalid query: ${why}`)
export const requestFailed = (why: string): DbError => new DbError('DATABASE_REQUEST_FAILED', why)
