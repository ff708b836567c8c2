import { View } from '@tarojs/components'
import type { Summary } from '../../services/contract'

// How check-in pays, in the merchant's numbers.
export function CheckinRules({ rules }: { rules: Summary['display']['checkIn'] }) {
  return (
    <View className='card muted' id='checkin-rules'>
      每日签到 +{rules.daily} 积分，连续 {rules.streakDays} 天再送 +{rules.streakBonus} 积分；中断一天将重新计算。
    </View>
  )
}
