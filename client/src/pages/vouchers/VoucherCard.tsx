import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { groupCode } from '../../logic/codes'
import { formatDate, formatPoints } from '../../logic/format'
import { handledLine, voucherStatus } from '../../logic/mall'
import { expiresSoon, expiryCountdown } from '../../logic/vouchers'
import type { Voucher } from '../../services/contract'

interface Props {
  v: Voucher
  now: number
  onUse: (code: string) => void
}

// One voucher: its value, how long it has left (or when it was handled), and 去使用 while it can be used.
export function VoucherCard({ v, now, onUse }: Props) {
  const status = voucherStatus(v.status)
  const handled = handledLine(v)
  const pending = v.status === 'pending'
  return (
    <View className={`card voucher ${pending ? '' : 'voucher--done'}`} id={`voucher-${v.code}`} data-status={v.status}>
      <View className='row'>
        <Text className='item__name voucher__name'>{v.name}</Text>
        <Text className={`tag tag--${status.tone} voucher__status`}>{status.label}</Text>
      </View>
      {v.valueText && (
        <View className='voucher__value' id={`value-${v.code}`}>
          {v.valueText}
        </View>
      )}
      <View className='muted'>
        {v.points > 0 ? `${formatPoints(v.points)} 积分兑换 · ` : ''}
        {formatDate(v.createdAt)} 获得
      </View>
      {pending ? (
        <View className='row gap-top-small'>
          <Text className={expiresSoon(v.expiresAt, now) ? 'voucher__expiry voucher__expiry--soon' : 'voucher__expiry'} id={`expiry-${v.code}`}>
            {expiryCountdown(v.expiresAt, now)}
          </Text>
          <ActionButton className='btn btn--small voucher__use' id={`use-${v.code}`} onClick={() => onUse(v.code)}>
            去使用
          </ActionButton>
        </View>
      ) : (
        handled && (
          <View className='voucher__handled' id={`handled-${v.code}`}>
            {handled}
          </View>
        )
      )}
      <View className='qr__text voucher__code'>{groupCode(v.code)}</View>
    </View>
  )
}
