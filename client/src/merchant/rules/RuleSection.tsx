import { View } from '@tarojs/components'
import { ErrorLine } from '../../components/StateView'
import { keysOf } from '../../logic/rule-form'
import type { RuleGroup } from '../../logic/rule-fields'
import { RuleFieldRow, type ItemChoice } from './RuleFieldRow'
import { RuleListEditor } from './RuleListEditor'
import type { RuleDraft } from './useRuleDraft'

interface Props {
  draft: RuleDraft
  group: RuleGroup
  items: ItemChoice[]
}

// One rule group as a card: what is wrong with the group as a whole, its fields, and its list of entries.
export function RuleSection({ draft, group, items }: Props) {
  const shown = group.fields.filter((f) => !f.shownIf || f.shownIf(draft.rules))
  return (
    <View className='card' id={`rules-${group.key}`}>
      <View className='card__title'>{group.title}</View>
      <ErrorLine message={draft.problemAt(group.key)} />
      {shown.flatMap((field) =>
        keysOf(field.path, draft.rules).map((at) => <RuleFieldRow key={at} draft={draft} field={field} at={at} items={items} />),
      )}
      {group.list && <RuleListEditor draft={draft} list={group.list} items={items} />}
    </View>
  )
}
