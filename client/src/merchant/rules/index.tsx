import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { Rules } from '../../../../shared/rules'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { RULE_GROUPS } from '../../logic/rule-fields'
import { call } from '../../services/api'
import { AdvancedJson } from './AdvancedJson'
import type { ItemChoice } from './RuleFieldRow'
import { RuleSection } from './RuleSection'
import { useRuleDraft } from './useRuleDraft'
import './rules.css'

export default function RulesPage() {
  const { state, reload } = useRemote(async () => {
    const [rules, items] = await Promise.all([call('store', 'rules'), call('store', 'items')])
    if (!rules.ok) return rules
    // prizes and the win-back voucher pick from the mall; without the list they can still be left as they are
    return { ok: true as const, data: { ...rules.data, items: items.ok ? items.data.items.map((i) => ({ id: i.id, name: i.name })) : [] } }
  })
  return (
    <Screen id='page-rules'>
      <StateView state={state} onRetry={() => void reload()}>
        {(data) => <RulesForm saved={data.rules} storedProblem={data.storedProblem ?? null} items={data.items} />}
      </StateView>
    </Screen>
  )
}

interface FormProps {
  saved: Rules
  storedProblem: string | null
  items: ItemChoice[]
}

function RulesForm({ saved, storedProblem, items }: FormProps) {
  const draft = useRuleDraft(saved)
  const save = useMutation((_id, rules: Rules) => call('store', 'rules', { rules }))
  const [replaced, setReplaced] = useStoredProblem(storedProblem)

  const onSave = async () => {
    if (!draft.valid) return
    const env = await save.submit(draft.rules)
    if (!env) return
    if (!env.ok) return draft.refuse(env.error)
    draft.reset(env.data.rules)
    setReplaced()
    void Taro.showToast({ title: '规则已保存', icon: 'success' })
  }

  return (
    <View>
      {replaced && <ErrorLine id='rules-stored-problem' message={`已保存的规则不再符合要求，目前按默认规则执行：${replaced}。保存后即可替换。`} />}
      {RULE_GROUPS.map((group) => (
        <RuleSection key={group.key} draft={draft} group={group} items={items} />
      ))}
      <View className='rule-save'>
        <ErrorLine id='rules-error' message={draft.problemAt('')} />
        <ActionButton className='btn' id='rules-save' disabled={!draft.valid || save.pending} onClick={() => void onSave()}>
          {save.pending ? '保存中…' : draft.valid ? '保存' : '请先改正标红的项'}
        </ActionButton>
      </View>
      <AdvancedJson rules={draft.rules} />
    </View>
  )
}

/** The server's reason the stored rules were set aside, until a save replaces them. */
function useStoredProblem(problem: string | null): [string | null, () => void] {
  const [shown, setShown] = useState(problem)
  return [shown, () => setShown(null)]
}
