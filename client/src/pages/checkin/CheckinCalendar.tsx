import { Text, View } from '@tarojs/components'
import { monthGrid, type CalendarCell } from '../../logic/calendar'
import { upcomingBonusDays } from '../../logic/streak'
import type { Summary } from '../../services/contract'

const WEEK = ['一', '二', '三', '四', '五', '六', '日']

interface Props {
  month: string
  today: string
  days: string[]
  summary: Summary
  pending: boolean
  onCheckIn: () => void
}

// The month: checked days filled green, today ringed (tap it to check in), streak bonus days marked in orange.
export function CheckinCalendar({ month, today, days, summary, pending, onCheckIn }: Props) {
  const { count, checkedInToday } = summary.streak
  const bonusDays = upcomingBonusDays(today, count, checkedInToday, summary.display.checkIn)
  const canCheckIn = !checkedInToday && !pending
  return (
    <View id='calendar'>
      <View className='calendar__head'>
        {WEEK.map((w) => (
          <View className='calendar__cell' key={w}>
            {w}
          </View>
        ))}
      </View>
      {monthGrid(month, days, bonusDays).map((row, i) => (
        <View className='calendar__row' key={i}>
          {row.map((c, j) => (
            <View className='calendar__cell' key={j}>
              {c.day && <DayCell cell={c} today={c.day === today} onTap={c.day === today && canCheckIn ? onCheckIn : undefined} />}
            </View>
          ))}
        </View>
      ))}
      <View className='calendar__legend muted'>
        <Text className='legend legend--checked'>已签到</Text>
        <Text className='legend legend--today'>今天</Text>
        <Text className='legend legend--bonus'>连签奖励日</Text>
      </View>
      <View className='muted gap-top-small' id='calendar-count'>
        本月已签到 {days.filter((d) => d.startsWith(month)).length} 天
      </View>
      {!checkedInToday && today.startsWith(month) && (
        <View className='muted' id='calendar-hint'>
          点一下今天即可签到
        </View>
      )}
    </View>
  )
}

function DayCell({ cell, today, onTap }: { cell: CalendarCell; today: boolean; onTap?: () => void }) {
  const classes = [
    'calendar__date',
    cell.checked && 'calendar__date--checked',
    today && 'calendar__date--today',
    cell.bonus && !cell.checked && 'calendar__date--bonus',
    onTap && 'calendar__date--tappable',
  ]
  return (
    <View className={classes.filter(Boolean).join(' ')} id={today ? 'calendar-today' : undefined} onClick={onTap}>
      {cell.date}
    </View>
  )
}
