import { Button, View } from '@tarojs/components'
import { ErrorLine } from '../../components/StateView'
import { valueAt } from '../../logic/form-field'
import type { RuleList } from '../../logic/rule-fields'
import { RuleFieldRow, type ItemChoice } from './RuleFieldRow'
import type { RuleDraft } from './useRuleDraft'

interface Props {
  draft: RuleDraft
  list: RuleList
  items: ItemChoice[]
}

// The entries of a list rule (tiers, prizes, campaigns): each with its fields and 删除, then 添加.
export function RuleListEditor({ draft, list, items }: Props) {
  const entries = (valueAt(draft.rules, list.path) as Array<{ name?: string }> | undefined) ?? []
  return (
    <View className='rule-list' id={`rules-list-${list.path.replace(/\./g, '-')}`}>
      <ErrorLine message={list.path.includes('.') ? draft.problemAt(list.path) : undefined} />
      {entries.map((entry, i) => {
        const at = `${list.path}.${i}`
        return (
          <View className='rule-entry' key={at} id={`rule-entry-${at.replace(/\./g, '-')}`}>
            <View className='rule-entry__head'>
              <View className='rule-entry__title'>
                {list.noun} {i + 1}
                {entry.name ? `：${entry.name}` : ''}
              </View>
              {entries.length > list.min && (
                <Button className='btn btn--ghost btn--small rule-entry__remove' onClick={() => draft.remove(list, i)}>
                  删除
                </Button>
              )}
            </View>
            <ErrorLine message={draft.problemAt(at)} />
            {list.fields.map((field) => {
              const key = field.path.replace(`${list.path}[]`, at)
              return <RuleFieldRow key={key} draft={draft} field={field} at={key} items={items} />
            })}
          </View>
        )
      })}
      {entries.length < list.max && (
        <Button className='btn btn--ghost rule-list__add' id={`rules-add-${list.path.replace(/\./g, '-')}`} onClick={() => draft.add(list)}>
          添加{list.noun}
        </Button>
      )}
    </View>
  )
}
