import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { QrCode } from '../../components/QrCode'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { usePolling } from '../../hooks/usePolling'
import { useRemote } from '../../hooks/useRemote'
import { groupCode } from '../../logic/codes'
import { formatDate, formatPoints } from '../../logic/format'
import { handledLine, showsPendingCode, voucherStatus } from '../../logic/mall'
import { call } from '../../services/api'
import type { Voucher, VoucherStatus } from '../../services/contract'

const FILTERS: { id: string; label: string; status?: VoucherStatus }[] = [
  { id: 'all', label: '全部', status: undefined },
  { id: 'pending', label: '待使用', status: 'pending' },
  { id: 'fulfilled', label: '已核销', status: 'fulfilled' },
  { id: 'rejected', label: '已驳回', status: 'rejected' },
  { id: 'expired', label: '已过期', status: 'expired' },
]

export default function Vouchers() {
  const [filter, setFilter] = useState(FILTERS[0]!)
  const { state, reload } = useRemote(() => call('exchange', 'vouchers', filter.status ? { status: filter.status } : {}), [filter.id])
  const firstShow = useRef(true)
  // A clerk may have fulfilled a voucher while the shopper was away; refresh on return.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void reload(true)
  })
  // While a code is on screen the clerk may fulfil it any moment: ask quietly every few seconds.
  usePolling(() => reload(true), 2500, state.status === 'ready' && showsPendingCode(state.data.vouchers))
  return (
    <Screen id='page-vouchers'>
      <View className='chips'>
        {FILTERS.map((f) => (
          <View key={f.id} id={`filter-${f.id}`} className={`chip ${f.id === filter.id ? 'chip--on' : ''}`} onClick={() => setFilter(f)}>{f.label}</View>
        ))}
      </View>
      <StateView state={state} onRetry={() => void reload()} isEmpty={(d) => d.vouchers.length === 0} empty={filter.status ? `没有${filter.label}的券` : '还没有券，去积分商城兑换吧'}>
        {(d) => (
          <View>
            {d.vouchers.map((v) => <VoucherCard key={v.code} v={v} />)}
            <View className='muted center' id='vouchers-refresh' onClick={() => void reload(true)}>点击刷新</View>
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function VoucherCard({ v }: { v: Voucher }) {
  const status = voucherStatus(v.status)
  const handled = handledLine(v)
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
          <View className='muted center'>到店出示给店员扫码核销</View>
        </View>
      ) : (
        <View>
          {handled && <View className='voucher__handled' id={`handled-${v.code}`}>{handled}</View>}
          <View className='qr__text voucher__code'>{groupCode(v.code)}</View>
        </View>
      )}
    </View>
  )
}
