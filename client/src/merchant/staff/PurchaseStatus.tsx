import { Text, View } from '@tarojs/components'
import { useNow } from '../../hooks/usePolling'
import { formatYuan } from '../../logic/format'
import { chargeLines, formatCountdown, purchaseStage, secondsLeft } from '../../logic/till'
import type { Purchase } from '../../services/contract'

// What the clerk needs from a purchase: its stage, and once claimed, who and how much to charge, big.
export function PurchaseStatus({ purchase, id }: { purchase: Purchase; id: string }) {
  const stage = purchaseStage(purchase.status)
  const now = useNow(1000, purchase.status === 'open')
  return (
    <View id={id} data-status={purchase.status}>
      <View className='row gap-top'>
        <Text className='muted' id={`${id}-order`}>
          订单号 {purchase.orderId}
        </Text>
        <Text className={`tag tag--${stage.tone}`} id={`${id}-stage`}>
          {stage.label}
        </Text>
      </View>
      {purchase.status === 'open' && (
        <View className='row gap-top-small'>
          <Text id={`${id}-amount`}>订单金额 {formatYuan(purchase.amountFen)} · 等待顾客领取</Text>
          <Text className='countdown' id={`${id}-countdown`}>
            {formatCountdown(secondsLeft(purchase.expiresAt, now))}
          </Text>
        </View>
      )}
      {purchase.status === 'expired' && <View className='muted gap-top-small'>消费码已过期，请重新生成</View>}
      {purchase.member && (
        <View>
          <View className='list-item'>
            <Text className='muted'>会员</Text>
            <Text id={`${id}-member`}>
              {purchase.member.nickname || '微信用户'} · {purchase.member.tier}
            </Text>
          </View>
          {chargeLines(purchase).map((l) => (
            <View className='list-item' key={l.key}>
              <Text className='muted'>{l.label}</Text>
              <Text id={`${id}-${l.key}`}>{l.value}</Text>
            </View>
          ))}
          <View className='charge'>
            <View className='charge__label'>应收金额</View>
            <View className='charge__value' id={`${id}-charge`}>
              {formatYuan(purchase.payFen)}
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
