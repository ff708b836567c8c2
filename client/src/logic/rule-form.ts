// The rules form's arithmetic: the keys of each field in these rules, and where each problem is shown.
import { rulesIssues, type RuleIssue, type Rules } from '../../../shared/rules'
import { valueAt } from './form-field'
import { RULE_GROUPS } from './rule-fields'

/** The concrete keys of a field path in these rules: `tiers[].rate` → `tiers.0.rate`, `tiers.1.rate`, … */
export function keysOf(path: string, rules: Rules): string[] {
  const at = path.indexOf('[]')
  if (at < 0) return [path]
  const list = valueAt(rules, path.slice(0, at))
  const count = Array.isArray(list) ? list.length : 0
  return Array.from({ length: count }, (_, i) => `${path.slice(0, at)}.${i}${path.slice(at + 2)}`)
}

/** Every place the form can show a problem: each field, each list entry, each group, and the page itself (''). */
export function placesOf(rules: Rules): Set<string> {
  const places = new Set<string>([''])
  for (const group of RULE_GROUPS) {
    places.add(group.key)
    for (const field of group.fields) keysOf(field.path, rules).forEach((k) => places.add(k))
    if (!group.list) continue
    places.add(group.list.path)
    keysOf(`${group.list.path}[]`, rules).forEach((k) => places.add(k))
    for (const field of group.list.fields) keysOf(field.path, rules).forEach((k) => places.add(k))
  }
  return places
}

/** The nearest place for a problem's path: itself, or the closest entry or group above it. */
export function placeOf(path: string, places: ReadonlySet<string>): string {
  const parts = path ? path.split('.') : []
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.')
    if (places.has(key)) return key
  }
  return ''
}

/** The first problem at each place. */
export function placeIssues(issues: readonly RuleIssue[], rules: Rules): Record<string, string> {
  const places = placesOf(rules)
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const place = placeOf(issue.path, places)
    out[place] ??= issue.message
  }
  return out
}

/** The rules path a server's refusal names (`rules.checkIn.daily` → `checkIn.daily`), or '' when it names none. */
export function rulePathOf(field: string | undefined): string {
  return field?.startsWith('rules.') ? field.slice('rules.'.length) : ''
}

/** The draft's problems by place, with the same bounds and words the server uses. */
export function draftProblems(rules: Rules): Record<string, string> {
  return placeIssues(rulesIssues(rules), rules)
}
