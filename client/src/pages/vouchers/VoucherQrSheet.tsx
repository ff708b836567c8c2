import { View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { QrCode } from '../../components/QrCode'
import { handledLine, voucherStatus } from '../../logic/mall'
import { expiryCountdown } from '../../logic/vouchers'
import type { Voucher } from '../../services/contract'

interface Props {
  v: Voucher
  now: number
  onClose: () => void
}

// 去使用: the code full screen for the clerk to scan; the page keeps asking, so it turns 已核销 here without a tap.
export function VoucherQrSheet({ v, now, onClose }: Props) {
  const pending = v.status === 'pending'
  const handled = handledLine(v)
  return (
    <View className='qr-sheet' id='voucher-qr-sheet' data-status={v.status}>
      <View className='qr-sheet__body'>
        <View className='qr-sheet__name'>{v.name}</View>
        {v.valueText && <View className='voucher__value center'>{v.valueText}</View>}
        {pending ? (
          <View>
            <QrCode value={v.code} id={`qr-${v.code}`} />
            <View className='muted center'>请向店员出示此码 · {expiryCountdown(v.expiresAt, now)}</View>
          </View>
        ) : (
          <View className='qr-sheet__done'>
            <View className='qr-sheet__status' id='sheet-status'>
              {voucherStatus(v.status).label}
            </View>
            {handled && (
              <View className='muted center' id='sheet-handled'>
                {handled}
              </View>
            )}
          </View>
        )}
        <ActionButton className={`btn gap-top ${pending ? 'btn--ghost' : ''}`} id='sheet-close' onClick={onClose}>
          {pending ? '关闭' : '完成'}
        </ActionButton>
        {pending && <View className='muted center gap-top-small'>店员核销后，这里会自动更新</View>}
      </View>
    </View>
  )
}
