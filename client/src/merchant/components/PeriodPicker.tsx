import { Picker, Text, View } from '@tarojs/components'
import { todayInShanghai } from '../../logic/format'
import { lastDays, QUICK_DAYS, quickDaysOf, withDay, type Period } from '../../logic/period'

interface Props {
  id: string
  value: Period
  onChange: (period: Period) => void
}

// Quick chips for the last 7/30/90 days, and a from/to date picker for any other range.
export function PeriodPicker({ id, value, onChange }: Props) {
  const today = todayInShanghai()
  const quick = quickDaysOf(value, today)
  const day = (end: 'from' | 'to') => (
    <Picker mode='date' value={value[end]} end={today} onChange={(e) => onChange(withDay(value, end, String(e.detail.value)))}>
      <View className='range__day' id={`${id}-${end}`}>
        {value[end]}
      </View>
    </Picker>
  )
  return (
    <View id={id}>
      <View className='chips'>
        {QUICK_DAYS.map((days) => (
          <View
            key={days}
            id={`${id}-${days}d`}
            className={`chip tap ${quick === days ? 'chip--on' : ''}`}
            onClick={() => onChange(lastDays(days, today))}
          >
            近{days}天
          </View>
        ))}
      </View>
      <View className='range'>
        {day('from')}
        <Text className='muted'>至</Text>
        {day('to')}
      </View>
    </View>
  )
}
