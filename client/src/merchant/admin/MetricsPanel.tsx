import { Text, View } from '@tarojs/components'
import { StateView } from '../../components/StateView'
import type { Remote } from '../../hooks/useRemote'
import { todayInShanghai } from '../../logic/format'
import { metricsView, type Metrics, type Stat } from '../../logic/metrics'
import { lastDays, type Period } from '../../logic/period'
import { PeriodPicker } from '../components/PeriodPicker'
import { TrendChart } from './TrendChart'

interface Props {
  state: Remote<Metrics>
  period: Period
  onPeriod: (p: Period) => void
  onRetry: () => void
}

export const firstPeriod = (): Period => lastDays(7, todayInShanghai())

// The figures for any range: counts, the rates, tiers and promotions as bars, and the daily trend.
export function MetricsPanel({ state, period, onPeriod, onRetry }: Props) {
  return (
    <View className='card' id='metrics'>
      <View className='card__title'>
        经营数据
        <Text className='card__hint'>
          {period.from} 至 {period.to}
        </Text>
      </View>
      <PeriodPicker id='period' value={period} onChange={onPeriod} />
      <StateView state={state} onRetry={onRetry}>
        {(data) => <Figures data={data} />}
      </StateView>
    </View>
  )
}

function Figures({ data }: { data: Metrics }) {
  const view = metricsView(data)
  return (
    <View>
      <Stats id='metric-counts' stats={view.counts} />
      <Stats id='metric-rates' stats={view.rates} />
      <Stats id='metric-given-away' stats={view.givenAway} />
      <TrendChart trend={data.trend} />
      {view.charts.map((c) => (
        <View key={c.key} className='chart gap-top' id={`chart-${c.key}`}>
          <View className='card__title'>{c.label}</View>
          {c.bars.map((b) => (
            <View className='chart__row' key={b.key}>
              <Text className='chart__label'>{b.label}</Text>
              <View className='chart__track'>
                <View className='chart__bar' style={{ width: `${b.percent}%` }} />
              </View>
              <Text className='chart__value'>{b.value.toLocaleString('en-US')}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

function Stats({ id, stats }: { id: string; stats: Stat[] }) {
  return (
    <View className='stats gap-top-small' id={id}>
      {stats.map((s) => (
        <View className='stat' key={s.key} id={`stat-${s.key}`}>
          <View className='stat__inner'>
            <View className='stat__value'>{s.value}</View>
            <View className='stat__label'>{s.label}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
