import { Text, View } from '@tarojs/components'
import { formatPoints } from '../../logic/format'
import { tierClass, tierPerks, tierProgress } from '../../logic/tiers'
import type { Summary } from '../../services/contract'

// The member card: name (ellipsized, so a long one keeps the card whole), tier and its perks, balance, progress.
export function TierCard({ s }: { s: Summary }) {
  const progress = tierProgress(s)
  return (
    <View className={`hero ${tierClass(s.tier.id)}`} id='tier-card'>
      <View className='hero__top'>
        <Text className='hero__name ellipsis' id='member-name'>
          {s.nickname || '微信用户'}
        </Text>
        <Text className='hero__badge' id='tier-name'>
          {s.tier.name}
        </Text>
      </View>
      <View className='hero__perks' id='tier-perks'>
        {tierPerks(s).map((p) => (
          <Text className='hero__perk' key={p}>
            {p}
          </Text>
        ))}
      </View>
      <View className='hero__label'>可用积分</View>
      <View className='hero__balance' id='balance'>
        {formatPoints(s.balance)}
      </View>
      <View className='hero__progress'>
        <View className='hero__progress-fill' style={{ width: `${progress.percent}%` }} />
      </View>
      <View className='hero__next' id='tier-progress'>
        {progress.text}
      </View>
    </View>
  )
}
