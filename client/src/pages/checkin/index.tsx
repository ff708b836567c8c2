import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useRemote } from '../../hooks/useRemote'
import { monthGrid, shiftMonth } from '../../logic/calendar'
import { todayInShanghai } from '../../logic/format'
import { call } from '../../services/api'

const WEEK = ['一', '二', '三', '四', '五', '六', '日']

export default function CheckinCalendar() {
  const today = todayInShanghai()
  const [month, setMonth] = useState(today.slice(0, 7))
  const { state, reload } = useRemote(() => call('checkin', 'calendar', { month }), [month])
  return (
    <Screen id='page-checkin'>
      <View className='card'>
        <View className='card__title'>
          <Text className='muted' id='month-prev' onClick={() => setMonth(shiftMonth(month, -1))}>‹ 上月</Text>
          <Text id='month-label'>{month.replace('-', ' 年 ')} 月</Text>
          <Text className='muted' id='month-next' onClick={() => setMonth(shiftMonth(month, 1))}>下月 ›</Text>
        </View>
        <View className='calendar__head'>{WEEK.map((w) => <View className='calendar__cell' key={w}>{w}</View>)}</View>
        <StateView state={state} onRetry={() => void reload()}>
          {(d) => (
            <View id='calendar'>
              {monthGrid(month, d.days).map((row, i) => (
                <View className='calendar__row' key={i}>
                  {row.map((c, j) => (
                    <View className='calendar__cell' key={j}>
                      {c.day && (
                        <View className={`calendar__date ${c.checked ? 'calendar__date--checked' : ''} ${c.day === today ? 'calendar__date--today' : ''}`}>
                          {c.date}
                        </View>
                      )}
                    </View>
                  ))}
                </View>
              ))}
              <View className='muted gap-top-small' id='calendar-count'>本月已签到 {d.days.length} 天</View>
            </View>
          )}
        </StateView>
      </View>
      <View className='card muted'>每日签到 +5 积分，连续 7 天再送 +20 积分；中断一天将重新计算。</View>
    </Screen>
  )
}
