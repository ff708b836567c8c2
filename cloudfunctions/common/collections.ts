/** A new cloud environment has no collections: the functions create every one they use the first time one is missing. */
import { COLLECTIONS, type CollectionName } from '../../shared/collections'
import { db } from './cloud'

/** CloudBase's DATABASE_COLLECTION_NOT_EXIST; inside a transaction the SDK may keep only its wording. */
export function isMissingCollection(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const e = err as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
  if (e.errCode === -502005) return true
  const text = [e.code, e.errMsg, e.message].filter((x) => typeof x === 'string').join(' ')
  return /DATABASE_COLLECTION_NOT_EXIST|-502005|collection not exist/i.test(text)
}

/** Creates every collection of shared/collections.ts that does not exist yet (one that does is left as it is). */
export async function createMissingCollections(): Promise<void> {
  const names = Object.keys(COLLECTIONS) as CollectionName[]
  await Promise.all(
    names.map((name) =>
      db.createCollection(name).catch((err: unknown) => {
        // another instance created it first
        if (!/ALREADY_EXIST|-502006|already exist/i.test(JSON.stringify(err) + String(err))) throw err
      }),
    ),
  )
}
