import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useCheckIn } from '../../hooks/useCheckIn'
import { useRemote } from '../../hooks/useRemote'
import { shiftMonth } from '../../logic/calendar'
import { todayInShanghai } from '../../logic/format'
import { call } from '../../services/api'
import { CheckinCalendar } from './CheckinCalendar'
import { CheckinRules } from './CheckinRules'

export default function CheckinPage() {
  const today = todayInShanghai()
  const [month, setMonth] = useState(today.slice(0, 7))
  const summary = useRemote(() => call('member', 'summary'))
  const calendar = useRemote(() => call('checkin', 'calendar', { month }), [month])
  const rules = summary.state.status === 'ready' ? summary.state.data.display.checkIn : null
  const checkIn = useCheckIn(rules, ({ day, streak }) => {
    summary.setData((s) => ({ ...s, streak: { count: streak, checkedInToday: true } }))
    calendar.setData((c) => ({ days: [...c.days, day] }))
  })

  return (
    <Screen id='page-checkin'>
      <View className='card'>
        <View className='card__title'>
          <Text className='month-nav' id='month-prev' onClick={() => setMonth(shiftMonth(month, -1))}>
            ‹ 上月
          </Text>
          <Text id='month-label'>{month.replace('-', ' 年 ')} 月</Text>
          <Text className='month-nav' id='month-next' onClick={() => setMonth(shiftMonth(month, 1))}>
            下月 ›
          </Text>
        </View>
        <StateView state={summary.state} onRetry={() => void summary.reload()}>
          {(s) => (
            <StateView state={calendar.state} onRetry={() => void calendar.reload()}>
              {(c) => (
                <CheckinCalendar
                  month={month}
                  today={today}
                  days={c.days}
                  summary={s}
                  pending={checkIn.pending}
                  onCheckIn={() => void checkIn.checkIn()}
                />
              )}
            </StateView>
          )}
        </StateView>
        <ErrorLine message={checkIn.error} id='checkin-error' />
      </View>
      {rules && <CheckinRules rules={rules} />}
    </Screen>
  )
}
