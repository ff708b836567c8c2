import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { QrCode } from '../../components/QrCode'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useRemote } from '../../hooks/useRemote'
import { formatDate, formatPoints } from '../../logic/format'
import { voucherStatus } from '../../logic/mall'
import { api } from '../../services/api'
import type { Voucher } from '../../services/contract'

export default function Vouchers() {
  const { state, reload } = useRemote(api.vouchers)
  const firstShow = useRef(true)
  // A clerk may have fulfilled a voucher while the shopper was away; refresh on return.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void reload(true)
  })
  return (
    <Screen id='page-vouchers'>
      <StateView state={state} onRetry={() => void reload()} isEmpty={(d) => d.vouchers.length === 0} empty='还没有券，去积分商城兑换吧'>
        {(d) => (
          <View>
            {d.vouchers.map((v) => <VoucherCard key={v.code} v={v} />)}
            <View className='muted' style={{ textAlign: 'center' }} id='vouchers-refresh' onClick={() => void reload(true)}>点击刷新</View>
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function VoucherCard({ v }: { v: Voucher }) {
  const status = voucherStatus(v.status)
  return (
    <View className='card voucher' id={`voucher-${v.code}`} data-status={v.status}>
      <View className='row'>
        <Text className='item__name'>{v.name}</Text>
        <Text className={`tag tag--${status.tone} voucher__status`}>{status.label}</Text>
      </View>
      <View className='muted'>{formatPoints(v.points)} 积分兑换 · {formatDate(v.createdAt)} 兑换 · {formatDate(v.expiresAt)} 到期</View>
      {v.status === 'pending' ? (
        <View>
          <QrCode value={v.code} id={`qr-${v.code}`} />
          <View className='muted' style={{ textAlign: 'center' }}>到店出示给店员扫码核销</View>
        </View>
      ) : (
        <View className='qr__text voucher__code'>{v.code}</View>
      )}
    </View>
  )
}
