import { Text, View } from '@tarojs/components'
import { VoucherPicker } from '../../components/VoucherPicker'
import { formatPoints, formatYuan } from '../../logic/format'
import type { DataFor } from '../../services/api'

type Preview = DataFor<'store', 'checkoutPreview'>
interface Props {
  preview: Preview
  chosen: string | null
  disabled: boolean
  onChoose: (code: string | null) => void
}

// Before charging: who the member is, the tier discount, their usable vouchers to apply, and what to charge.
export function CheckoutPreview({ preview: p, chosen, disabled, onChoose }: Props) {
  return (
    <View className='gap-bottom' id='checkout-preview'>
      <View className='list-item'>
        <Text>会员</Text>
        <Text id='checkout-preview-member'>
          {p.member.nickname || '微信用户'} · {p.member.tier}
        </Text>
      </View>
      {p.tierDiscountFen > 0 && (
        <View className='list-item'>
          <Text>会员折扣</Text>
          <Text id='checkout-preview-tier'>{formatYuan(-p.tierDiscountFen)}</Text>
        </View>
      )}
      <View className='list-item'>
        <Text>优惠券</Text>
        <Text id='checkout-preview-voucher'>
          {p.voucherOffFen > 0 ? formatYuan(-p.voucherOffFen) : p.vouchers.length ? `${p.vouchers.length} 张可用` : '无可用优惠券'}
        </Text>
      </View>
      <VoucherPicker vouchers={p.vouchers} chosen={chosen} disabled={disabled} onChoose={onChoose} />
      {p.deductedFen > 0 && (
        <View className='list-item'>
          <Text>积分抵扣</Text>
          <Text>
            {formatPoints(p.pointsToUse)} 积分（{formatYuan(-p.deductedFen)}）
          </Text>
        </View>
      )}
      {p.campaigns.map((c) => (
        <View className='list-item' key={c.id}>
          <Text>{c.name}</Text>
          <Text className='delta-plus'>+{formatPoints(c.points)} 积分</Text>
        </View>
      ))}
      <View className='list-item'>
        <Text>应收</Text>
        <Text className='item__name' id='checkout-preview-pay'>
          {formatYuan(p.payFen)}
        </Text>
      </View>
    </View>
  )
}
