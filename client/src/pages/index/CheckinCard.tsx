import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { streakStrip, streakText } from '../../logic/streak'
import type { Summary } from '../../services/contract'

interface Props {
  s: Summary
  onCheckIn: () => void
  pending: boolean
  error: string | null
}

// Today's check-in and the streak run, every number from the merchant's rules (summary.display).
export function CheckinCard({ s, onCheckIn, pending, error }: Props) {
  const strip = streakStrip(s.streak.count, s.streak.checkedInToday, s.display.checkIn)
  const done = s.streak.checkedInToday
  return (
    <View className='card' id='checkin-card'>
      <View className='card__title'>
        <Text>每日签到</Text>
        <Text className='card__hint' id='streak-text'>
          {streakText(s.streak.count, done)}
        </Text>
      </View>
      <View className='streak' id='streak-strip'>
        {strip.map((d) => (
          <View
            key={d.index}
            className={`streak__day ${d.done ? 'streak__day--done' : ''} ${d.today ? 'streak__day--today' : ''} ${d.bonus ? 'streak__day--bonus' : ''}`}
          >
            <View className='streak__dot'>+{d.points}</View>
            <Text>第{d.index}天</Text>
          </View>
        ))}
      </View>
      <ActionButton className='btn' id='checkin-btn' disabled={pending || done} onClick={onCheckIn}>
        {done ? '今日已签到' : pending ? '签到中…' : '立即签到'}
      </ActionButton>
      <ErrorLine message={error} id='checkin-error' />
    </View>
  )
}
