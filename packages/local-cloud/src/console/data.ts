/**
 * The console's view of the database: collections with their counts and indexes, a query in
 * CloudBase syntax, and editing or deleting one document. Documents travel as relaxed EJSON
 * (`{ "$date": "2027-01-01T00:00:00Z" }`), so dates and other types survive an edit.
 */
import { EJSON } from 'bson'
import type { CloudDatabase } from '../db/database'
import { type Doc, isPlainObject, parseEjson, stringifyDoc, toQueryValue } from '../db/ejson'
import { DbError } from '../db/errors'
import { invalid, notFound, objectBody } from './errors'
import { encodeWhere, WhereSyntaxError } from './where'

const DEFAULT_PAGE = 20
const MAX_PAGE = 100

export function listCollections(db: CloudDatabase): Array<{ name: string; count: number; indexes: unknown[] }> {
  return db.collections().map(({ name, indexes }) => ({ name, count: db.matching(name, {}).length, indexes }))
}

/** `{ where?: string, orderBy?: field, order?: 'asc' | 'desc', skip?, limit? }` → the page of documents and how many match. */
export function queryCollection(db: CloudDatabase, name: string, body: unknown): { total: number; documents: unknown[] } {
  requireCollection(db, name)
  const fields = objectBody(body, '{ where: "{ role: \'admin\' }", orderBy?, order?, skip?, limit? }')
  const criteria = whereCriteria(fields.where)
  const order = orderOf(fields.orderBy, fields.order)
  const offset = integerIn(fields.skip, 'skip', 0, Number.MAX_SAFE_INTEGER) ?? 0
  const limit = integerIn(fields.limit, 'limit', 1, MAX_PAGE) ?? DEFAULT_PAGE
  return asRequest(() => ({
    total: db.matching(name, criteria).length,
    documents: db.find(name, criteria, { order, offset, limit }).map(toRelaxed),
  }))
}

/** `{ document }` replaces the document `id` (creating it if missing), as `doc(id).set(document)` does. */
export async function replaceDocument(db: CloudDatabase, name: string, id: string, body: unknown): Promise<{ document: unknown }> {
  requireCollection(db, name)
  const document = objectBody(body, '{ document: { ... } }').document
  if (!isPlainObject(document)) throw invalid('send { document: { ... } }, the whole document as relaxed EJSON')
  const doc = fromRelaxed(document)
  if (doc._id !== undefined && doc._id !== id)
    throw invalid(`the document's _id (${JSON.stringify(document._id)}) is not ${id}; an _id cannot change`)
  await asRequest(() => db.setDocument(name, { ...doc, _id: id }))
  return { document: toRelaxed({ _id: id, ...doc }) }
}

export async function deleteDocument(db: CloudDatabase, name: string, id: string): Promise<{ deleted: number }> {
  requireCollection(db, name)
  const reply = await db.handle('database.removeDocument', { collectionName: name, queryType: 'DOC', query: stringifyDoc({ _id: id }) })
  const deleted = (reply.data as { deleted: number }).deleted
  if (deleted === 0) throw notFound(`no document ${id} in ${name}`)
  return { deleted }
}

function requireCollection(db: CloudDatabase, name: string): void {
  if (!db.collections().some((c) => c.name === name)) throw notFound(`no collection named ${name}`)
}

function whereCriteria(where: unknown): Doc {
  if (where !== undefined && typeof where !== 'string') throw invalid('where must be text, e.g. "{ balance: _.gt(100) }"')
  try {
    return toQueryValue(parseEjson(encodeWhere(where ?? ''), 'where')) as Doc
  } catch (error) {
    if (error instanceof WhereSyntaxError || error instanceof DbError) throw invalid(`where: ${error.message}`)
    throw error
  }
}

function orderOf(field: unknown, direction: unknown): Doc | undefined {
  if (field === undefined || field === '') return undefined
  if (typeof field !== 'string') throw invalid('orderBy must be a field name')
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw invalid('order must be "asc" or "desc"')
  return { [field]: direction === 'desc' ? -1 : 1 }
}

function integerIn(value: unknown, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalid(`${what} must be a whole number from ${min} to ${max}`)
  return value
}

/** A database refusal (a bad operator, a duplicate key) is the console user's to fix: 400 with its message. */
function asRequest<T>(run: () => T): T {
  try {
    const out = run()
    if (out instanceof Promise) return out.catch(rethrowAsInvalid) as T
    return out
  } catch (error) {
    return rethrowAsInvalid(error)
  }
}

function rethrowAsInvalid(error: unknown): never {
  if (error instanceof DbError) throw invalid(error.message)
  throw error
}

export function toRelaxed(doc: Doc): unknown {
  return EJSON.serialize(doc, { relaxed: true })
}

function fromRelaxed(document: Doc): Doc {
  try {
    return EJSON.deserialize(document, { relaxed: true }) as Doc
  } catch (error) {
    throw invalid(`the document is not valid EJSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}
