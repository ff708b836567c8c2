import { Text, View } from '@tarojs/components'
import { formatPoints } from '../../logic/format'
import type { DataFor } from '../../services/api'

type Detail = DataFor<'store', 'memberDetail'>

// Who the member is and what they hold: balance, tier, member number, and whether they are frozen and why.
export function MemberCard({ d }: { d: Detail }) {
  return (
    <View className='hero' id='member-card'>
      <View className='row'>
        <Text className='hero__name'>
          {d.summary.nickname || '未设置昵称'}
          <Text className='hero__badge' id='member-tier'>
            {d.summary.tier.name}
          </Text>
        </Text>
        {d.frozen && (
          <Text className='hero__badge' id='member-frozen'>
            已冻结
          </Text>
        )}
      </View>
      <View className='hero__label'>会员号 {d.memberNo ?? '待生成'}</View>
      <View className='hero__label'>积分余额</View>
      <View className='hero__balance' id='member-balance'>
        {formatPoints(d.summary.balance)}
      </View>
      {d.frozen && d.frozenReason && <View className='hero__next'>冻结原因：{d.frozenReason}</View>}
    </View>
  )
}
