import { Input } from '@tarojs/components'
import type { Rules } from '../../../../shared/rules'
import { valueAt } from '../../logic/form-field'
import { TIER_POLICY_MODES, WEEKDAYS, type RuleField } from '../../logic/rule-fields'
import { ChoiceChips } from '../../components/ChoiceChips'
import { FormRow } from '../../components/FormRow'
import type { RuleDraft } from './useRuleDraft'

export interface ItemChoice {
  id: string
  name: string
}

interface Props {
  draft: RuleDraft
  field: RuleField
  /** The concrete key: `tiers.1.rate`. */
  at: string
  items: ItemChoice[]
}

export const domId = (key: string) => `rule-${key.replace(/\./g, '-')}`

// One rule: its label, what the owner types or picks, its unit, and the reason beside it while it is not accepted.
export function RuleFieldRow({ draft, field, at, items }: Props) {
  return (
    <FormRow id={domId(at)} label={field.label} unit={field.unit} hint={field.hint} problem={draft.problemAt(at)}>
      <Control draft={draft} field={field} at={at} items={items} />
    </FormRow>
  )
}

function Control({ draft, field, at, items }: Props) {
  const value = valueAt(draft.rules, at)
  switch (field.kind) {
    case 'tier':
      return (
        <ChoiceChips
          options={[{ value: undefined, label: '不限' }, ...tierChoices(draft.rules)]}
          selected={value}
          onPick={(v) => draft.choose(at, v)}
        />
      )
    case 'item':
      return (
        <ChoiceChips
          options={[{ value: field.optional ? undefined : '', label: '不选' }, ...items.map((i) => ({ value: i.id, label: i.name }))]}
          selected={value}
          onPick={(v) => draft.choose(at, v)}
        />
      )
    case 'mode':
      return (
        <ChoiceChips
          options={TIER_POLICY_MODES}
          selected={value}
          onPick={(v) => draft.choose(at.replace(/\.mode$/, ''), TIER_POLICY_MODES.find((m) => m.value === v)?.policy)}
        />
      )
    case 'weekdays':
      return <ChoiceChips options={WEEKDAYS} selected={value} multiple onPick={(v) => draft.choose(at, toggled(value, v as number))} />
    default:
      return (
        <Input
          className='form-row__input'
          type={field.kind === 'int' || field.kind === 'yuan' || field.kind === 'rate' ? 'digit' : 'text'}
          value={draft.textOf(at, field)}
          placeholder={field.optional ? '不填' : ''}
          onInput={(e) => draft.type(at, field, e.detail.value)}
        />
      )
  }
}

const tierChoices = (rules: Rules) => rules.tiers.map((t) => ({ value: t.id, label: t.name }))

/** Weekdays with `day` switched on or off, in order; none left means every day (the rule is left out). */
function toggled(current: unknown, day: number): number[] | undefined {
  const days = Array.isArray(current) ? (current as number[]) : []
  const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b)
  return next.length ? next : undefined
}
