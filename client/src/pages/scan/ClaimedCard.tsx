import { Text, View } from '@tarojs/components'
import { formatPoints, formatYuan } from '../../logic/format'
import type { DataFor } from '../../services/api'

// After the claim: what was earned and spent, what to pay, and where the shopper stands now.
export function ClaimedCard({ result }: { result: DataFor<'store', 'claimPurchase'> }) {
  return (
    <View className='card' id='claim-result'>
      <View className='card__title'>领取成功</View>
      <View className='row'>
        <Text>获得积分</Text>
        <Text className='delta-plus' id='claim-awarded'>
          +{formatPoints(result.awarded)}
        </Text>
      </View>
      {result.deductedPoints > 0 && (
        <View className='row'>
          <Text>积分抵扣</Text>
          <Text className='delta-minus' id='claim-deducted'>
            -{formatPoints(result.deductedPoints)}
          </Text>
        </View>
      )}
      {result.purchase.voucherOffFen > 0 && (
        <View className='row'>
          <Text>优惠券</Text>
          <Text id='claim-voucher'>{formatYuan(-result.purchase.voucherOffFen)}</Text>
        </View>
      )}
      <View className='row'>
        <Text>实付金额</Text>
        <Text id='claim-pay'>{formatYuan(result.payFen)}</Text>
      </View>
      <View className='row'>
        <Text>当前积分</Text>
        <Text id='claim-balance'>{formatPoints(result.balance)}</Text>
      </View>
      <View className='row'>
        <Text>会员等级</Text>
        <Text>{result.tier.name}</Text>
      </View>
    </View>
  )
}
