import { useMemo, useState } from 'react'
import type { Rules } from '../../../../shared/rules'
import { formatValue, parseText, setAt, valueAt } from '../../logic/form-field'
import { draftProblems, placeOf, placesOf, rulePathOf } from '../../logic/rule-form'
import type { RuleField, RuleList } from '../../logic/rule-fields'
import type { ApiError } from '../../services/contract'

const without = (map: Record<string, string>, drop: (key: string) => boolean) => Object.fromEntries(Object.entries(map).filter(([k]) => !drop(k)))

// The rules as the owner edits them: what they typed per field, what does not read as a value, and the server's last refusal.
export function useRuleDraft(initial: Rules) {
  const [rules, setRules] = useState(initial)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [typos, setTypos] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<{ place: string; message: string } | null>(null)
  const problems = useMemo(() => ({ ...draftProblems(rules), ...typos }), [rules, typos])

  const edit = (update: (r: Rules) => Rules) => {
    // a new try clears the last refusal
    setRefusal(null)
    setRules(update)
  }

  return {
    rules,
    valid: Object.keys(problems).length === 0,
    textOf: (key: string, field: RuleField) => texts[key] ?? formatValue(field, valueAt(rules, key)),
    problemAt: (key: string): string | undefined => (refusal?.place === key ? refusal.message : problems[key]),
    type(key: string, field: RuleField, text: string) {
      setTexts((t) => ({ ...t, [key]: text }))
      const parsed = parseText(field, text)
      setTypos((t) => (parsed.ok ? without(t, (k) => k === key) : { ...t, [key]: parsed.error }))
      // text that reads as no value leaves the rule as it was, with the reason beside it
      edit((r) => (parsed.ok ? setAt(r, key, parsed.value) : r))
    },
    choose: (key: string, value: unknown) => edit((r) => setAt(r, key, value)),
    add: (list: RuleList) => edit((r) => setAt(r, list.path, [...(valueAt(r, list.path) as unknown[]), list.blank(r)])),
    remove(list: RuleList, index: number) {
      edit((r) =>
        setAt(
          r,
          list.path,
          (valueAt(r, list.path) as unknown[]).filter((_, i) => i !== index),
        ),
      )
      // entries after it move up: what was typed for them is read afresh from the rules
      const inList = (k: string) => k.startsWith(`${list.path}.`)
      setTexts((t) => without(t, inList))
      setTypos((t) => without(t, inList))
    },
    /** After a save, or to start over: the rules as stored. */
    reset(saved: Rules) {
      setRules(saved)
      setTexts({})
      setTypos({})
      setRefusal(null)
    },
    /** The server's refusal, beside the rule it names (or beside 保存). */
    refuse: (error: ApiError) => setRefusal({ place: placeOf(rulePathOf(error.field), placesOf(rules)), message: error.message }),
  }
}

export type RuleDraft = ReturnType<typeof useRuleDraft>
