/** The merchant's rules from `settings/rules`, kept a few seconds per instance so most actions skip the read. */
import { readRules, type Rules } from '../../shared/rules'
import { db, getDoc } from './cloud'

const TTL_MS = 5_000
let cached: { rules: Rules; at: number } | null = null

export async function loadRules(): Promise<Rules> {
  const now = Date.now()
  if (cached && Math.abs(now - cached.at) < TTL_MS) return cached.rules
  const { rules, problem } = readRules(await getDoc(db, 'settings', 'rules'))
  // the owner sees this on the rules page too (store.rules); the developer sees it in the function's log
  if (problem) console.error(`the stored rules are set aside for the defaults: ${problem}`)
  cached = { rules, at: now }
  return rules
}

/** After this instance replaces the rules, it reads them fresh. */
export function forgetRules(): void {
  cached = null
}
