import { Text, View } from '@tarojs/components'
import { formatDate } from '../logic/format'
import { voucherGain } from '../logic/till'
import type { DataFor } from '../services/api'
import './voucher-picker.css'

type UsableVoucher = DataFor<'store', 'previewPurchase'>['vouchers'][number]

interface Props {
  vouchers: UsableVoucher[]
  chosen: string | null
  disabled?: boolean
  onChoose: (code: string | null) => void
}

// The member's vouchers usable on this order, as the server lists them (the most off first), and "none"; one at a time.
export function VoucherPicker({ vouchers, chosen, disabled = false, onChoose }: Props) {
  if (vouchers.length === 0) return null
  const choose = (code: string | null) => {
    if (!disabled && code !== chosen) onChoose(code)
  }
  return (
    <View className='picker' id='voucher-picker'>
      {vouchers.map((v) => (
        <View
          key={v.code}
          id={`pick-${v.code}`}
          className={`picker__row ${chosen === v.code ? 'picker__row--on' : ''}`}
          onClick={() => choose(v.code)}
        >
          <View className='grow'>
            <View>
              {v.name} · {v.text}
            </View>
            <View className='muted'>{formatDate(v.expiresAt)} 到期</View>
          </View>
          <Text className='picker__gain'>{voucherGain(v)}</Text>
        </View>
      ))}
      <View id='pick-none' className={`picker__row ${chosen === null ? 'picker__row--on' : ''}`} onClick={() => choose(null)}>
        <Text className='grow'>不使用优惠券</Text>
      </View>
    </View>
  )
}
