/** Usage counts for the limits (shared/limits.ts): read and bumped inside the caller's transaction, so a rush never passes a limit. */
import { getDoc, putDoc, type Store } from './cloud'

interface UsageDoc {
  _id: string
  /** Whose use it counts, so deleting an account can find them. */
  openid: string
  count: number
  at: Date
}

/** Uses counted so far under `id` (0 for none). */
export async function usedSoFar(t: Store, id: string): Promise<number> {
  return (await getDoc<UsageDoc>(t, 'usage', id))?.count ?? 0
}

/** Counts one more use under `id`, after `used` uses. */
export async function countUse(t: Store, id: string, openid: string, used: number, now: Date): Promise<void> {
  await putDoc<UsageDoc>(t, 'usage', { _id: id, openid, count: used + 1, at: now })
}
