import { Text, View } from '@tarojs/components'
import './campaign-banner.css'
import type { Summary } from '../services/contract'

// What runs today, in the server's words ("今天会员日，消费积分×2"); nothing when no campaign runs.
export function CampaignBanner({ campaigns }: { campaigns: Summary['campaigns'] }) {
  if (campaigns.length === 0) return null
  return (
    <View className='campaign-banner' id='campaign-banner'>
      {campaigns.map((c) => (
        <View className='campaign-banner__line' key={c.id} id={`campaign-${c.id}`}>
          <Text className='campaign-banner__badge'>活动</Text>
          <Text>{c.text}</Text>
        </View>
      ))}
    </View>
  )
}
