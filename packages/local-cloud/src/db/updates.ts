import { update as applyModifier } from 'mingo'
import type { Doc } from './ejson'
import { cloneDoc, isPlainObject } from './ejson'
import { DbError, invalidQuery } from './errors'

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$bit',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$currentDate',
])

/** An update as sent: operators, plus plain fields that merge as `$set`. */
export function toModifier(data: unknown): Doc {
  if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', 'update data must be an object')
  const modifier: Doc = {}
  const plain: Doc = {}
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('$')) flatten(key, value, plain)
    else if (!OPERATORS.has(key)) throw invalidQuery(`unknown update operator ${key}`)
    else if (!isPlainObject(value)) throw invalidQuery(`${key} needs an object of fields`)
    else modifier[key] = key === '$addToSet' ? addToSetEach(value) : value
  }
  if (Object.keys(plain).length > 0) modifier.$set = { ...(modifier.$set as Doc | undefined), ...plain }
  for (const fields of Object.values(modifier)) {
    for (const path of Object.keys(fields as Doc)) {
      if (path === '_id' || path.startsWith('_id.')) throw new DbError('INVALID_PARAM', 'cannot update _id')
    }
  }
  return modifier
}

/** Plain nested objects merge field by field, as CloudBase does for `update({data})`. */
function flatten(prefix: string, value: unknown, into: Doc): void {
  if (isPlainObject(value) && Object.keys(value).length > 0 && !Object.keys(value).some((k) => k.startsWith('$'))) {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, into)
  } else {
    into[prefix] = value
  }
}

/** The SDK sends `_.addToSet({each: [..]})` as `{each: [..]}`; CloudBase reads it as `$each`. */
function addToSetEach(fields: Doc): Doc {
  const out: Doc = {}
  for (const [path, value] of Object.entries(fields)) {
    const keys = isPlainObject(value) ? Object.keys(value) : []
    out[path] = isPlainObject(value) && keys.length === 1 && Array.isArray(value.each) ? { $each: value.each } : value
  }
  return out
}

/** Applies a modifier to a copy of `doc`. */
export function applyUpdate(doc: Doc, modifier: Doc): Doc {
  const next = cloneDoc(doc)
  try {
    applyModifier(next, modifier, undefined, undefined, { cloneMode: 'deep' })
    return next
  } catch (err) {
    throw new DbError('DATABASE_REQUEST_FAILED', `update failed: ${(err as Error).message}`)
  }
}

/** A replacement document (`doc().set()`): no operators allowed, `_id` kept. */
export function toReplacement(data: unknown, id: string): Doc {
  if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', 'set data must be an object')
  if (Object.keys(data).some((k) => k.startsWith('$'))) throw invalidQuery('a replacement document cannot hold update operators')
  const { _id: _ignored, ...rest } = data
  return { _id: id, ...rest }
}

/** The document an upsert starts from: the query's plain equality fields. */
export function upsertBase(criteria: Doc): Doc {
  const base: Doc = {}
  for (const [key, value] of Object.entries(criteria)) {
    if (key.startsWith('$') || key.includes('.')) continue
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue
    base[key] = value
  }
  return base
}
