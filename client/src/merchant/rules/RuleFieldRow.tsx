import { Input, Text, View } from '@tarojs/components'
import type { Rules } from '../../../../shared/rules'
import { valueAt } from '../../logic/rule-form'
import { TIER_POLICY_MODES, WEEKDAYS, type RuleField } from '../../logic/rule-fields'
import { ChoiceChips } from '../../components/ChoiceChips'
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
  const problem = draft.problemAt(at)
  return (
    <View className={`rule-field${problem ? ' rule-field--bad' : ''}`} id={domId(at)}>
      <View className='rule-field__row'>
        <Text className='rule-field__label'>{field.label}</Text>
        <View className='rule-field__control'><Control draft={draft} field={field} at={at} items={items} /></View>
        {field.unit && <Text className='rule-field__unit'>{field.unit}</Text>}
      </View>
      {problem ? <View className='rule-field__problem'>{problem}</View> : field.hint && <View className='rule-field__hint'>{field.hint}</View>}
    </View>
  )
}

function Control({ draft, field, at, items }: Props) {
  const value = valueAt(draft.rules, at)
  switch (field.kind) {
    case 'tier':
      return <ChoiceChips options={[{ value: undefined, label: '不限' }, ...tierChoices(draft.rules)]} selected={value} onPick={(v) => draft.choose(at, v)} />
    case 'item':
      return <ChoiceChips options={[{ value: field.optional ? undefined : '', label: '不选' }, ...items.map((i) => ({ value: i.id, label: i.name }))]} selected={value} onPick={(v) => draft.choose(at, v)} />
    case 'mode':
      return <ChoiceChips options={TIER_POLICY_MODES} selected={value} onPick={(v) => draft.choose(at.replace(/\.mode$/, ''), TIER_POLICY_MODES.find((m) => m.value === v)?.policy)} />
    case 'weekdays':
      return <ChoiceChips options={WEEKDAYS} selected={value} multiple onPick={(v) => draft.choose(at, toggled(value, v as number))} />
    default:
      return (
        <Input className='rule-field__input' type={field.kind === 'int' || field.kind === 'yuan' || field.kind === 'rate' ? 'digit' : 'text'}
          value={draft.textOf(at, field)} placeholder={field.optional ? '不填' : ''} onInput={(e) => draft.type(at, field, e.detail.value)} />
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
