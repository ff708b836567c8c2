/** Keyed hashes of an OPENID: markers that outlive a member (once-only rewards, share records) yet name nobody. */
import { createHmac, randomBytes } from 'node:crypto'
import { createDoc, db, getDoc } from './cloud'
import { isDuplicate } from './transact'

// HMAC, not a bare hash: a merchant's OPENIDs are few enough to hash one by one, so only a key kept apart from the data
// (MARK_KEY in the functions' environment; else a random key kept once in settings) stops a copy of it naming members
let key: Promise<string> | null = null

async function storedKey(): Promise<string> {
  const found = await getDoc<{ key: string }>(db, 'settings', 'mark-key')
  if (found) return found.key
  try {
    await createDoc(db, 'settings', { _id: 'mark-key', key: randomBytes(32).toString('hex') })
  } catch (err) {
    if (!isDuplicate(err)) throw err
  }
  return (await getDoc<{ key: string }>(db, 'settings', 'mark-key'))!.key
}

function markKey(): Promise<string> {
  if (!key) {
    key = process.env.MARK_KEY ? Promise.resolve(process.env.MARK_KEY) : storedKey()
    // a failed read is tried again by the next call
    key.catch(() => (key = null))
  }
  return key
}

/** The keyed hash of an OPENID (and of what is said about it, e.g. a birthday). */
export async function markOf(openid: string, ...about: string[]): Promise<string> {
  return createHmac('sha256', await markKey())
    .update([openid, ...about].join('\n'))
    .digest('hex')
    .slice(0, 32)
}

/** Where a WeChat user's once-only marks are kept (in `grants`). */
export const onceId = async (openid: string): Promise<string> => `once:${await markOf(openid)}`
