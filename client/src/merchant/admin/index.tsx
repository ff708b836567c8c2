import { Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { shiftDay, todayInShanghai } from '../../logic/format'
import { metricsView } from '../../logic/metrics'
import { call, type DataFor } from '../../services/api'
import { AuditTrail } from './AuditTrail'

const PERIODS = [
  { id: '7d', label: '近7天', days: 7 },
  { id: '30d', label: '近30天', days: 30 },
  { id: '90d', label: '近90天', days: 90 },
]

export default function Admin() {
  return (
    <Screen id='page-admin'>
      <Metrics />
      <AuditTrail />
      <Rules />
    </Screen>
  )
}

function Metrics() {
  const [period, setPeriod] = useState(PERIODS[0]!)
  const to = todayInShanghai()
  const from = shiftDay(to, 1 - period.days)
  const { state, reload } = useRemote(() => call('store', 'metrics', { from, to }), [from, to])
  return (
    <View className='card' id='metrics'>
      <View className='card__title'>经营数据<Text className='card__hint'>{from} 至 {to}</Text></View>
      <View className='chips'>
        {PERIODS.map((p) => (
          <View key={p.id} id={`period-${p.id}`} className={`chip ${p.id === period.id ? 'chip--on' : ''}`} onClick={() => setPeriod(p)}>{p.label}</View>
        ))}
      </View>
      <StateView state={state} onRetry={() => void reload()}>
        {(data) => {
          const view = metricsView(data)
          return (
            <View>
              <View className='stats'>
                {view.stats.map((s) => (
                  <View className='stat' key={s.key}>
                    <View className='stat__inner'>
                      <View className='stat__value'>{s.value}</View>
                      <View className='stat__label'>{s.label}</View>
                    </View>
                  </View>
                ))}
              </View>
              {view.charts.map((c) => (
                <View key={c.key} className='chart gap-top'>
                  <View className='card__title'>{c.label}</View>
                  {c.bars.map((b) => (
                    <View className='chart__row' key={b.key}>
                      <Text className='chart__label'>{b.label}</Text>
                      <View className='chart__track'><View className='chart__bar' style={{ width: `${b.percent}%` }} /></View>
                      <Text className='chart__value'>{b.value.toLocaleString('en-US')}</Text>
                    </View>
                  ))}
                </View>
              ))}
            </View>
          )
        }}
      </StateView>
    </View>
  )
}

// Rules are edited as JSON: the server validates and answers with what it stored.
function Rules() {
  const { state, reload } = useRemote(() => call('store', 'rules'))
  const [text, setText] = useState('')
  const [parseError, setParseError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const save = useMutation((_id, rules: unknown) => call('store', 'rules', { rules: rules as DataFor<'store', 'rules'>['rules'] }))

  useEffect(() => {
    if (state.status === 'ready') setText(JSON.stringify(state.data.rules, null, 2))
  }, [state])

  const onSave = async () => {
    setSaved(false)
    let rules: unknown
    try {
      rules = JSON.parse(text)
    } catch {
      return setParseError('规则不是有效的 JSON，请检查括号和引号')
    }
    setParseError(null)
    const env = await save.submit(rules)
    if (env?.ok) {
      setText(JSON.stringify(env.data.rules, null, 2))
      setSaved(true)
    }
  }

  return (
    <View className='card' id='rules'>
      <View className='card__title'>积分规则</View>
      <StateView state={state} onRetry={() => void reload()}>
        {() => (
          <View>
            <Textarea className='textarea' id='rules-text' value={text} maxlength={-1} onInput={(e) => setText(e.detail.value)} />
            <ErrorLine message={parseError ?? save.error?.message} id='rules-error' />
            {saved && <View className='success-line'>规则已保存</View>}
            <ActionButton className='btn' id='rules-save' disabled={save.pending} onClick={() => void onSave()}>
              {save.pending ? '保存中…' : '保存规则'}
            </ActionButton>
          </View>
        )}
      </StateView>
    </View>
  )
}
