import { Text, View } from '@tarojs/components'
import { expiryLines } from '../../logic/expiry'
import { formatPoints } from '../../logic/format'
import type { Summary } from '../../services/contract'

// Points about to expire, soonest first; those within days in orange.
export function ExpiringCard({ expiring }: { expiring: Summary['expiring'] }) {
  if (expiring.length === 0) return null
  return (
    <View className='card' id='expiring'>
      <View className='card__title'>
        积分有效期<Text className='card__hint'>先到期的积分先使用</Text>
      </View>
      {expiryLines(expiring).map((e) => (
        <View className='row' key={e.key}>
          <Text>
            <Text className={e.soon ? 'delta-minus' : ''}>{formatPoints(e.points)}</Text> 积分
          </Text>
          <Text className={e.soon ? 'tag tag--orange' : 'muted'}>{e.soon ? `${e.daysLeft} 天后过期` : `${e.date} 到期`}</Text>
        </View>
      ))}
    </View>
  )
}
