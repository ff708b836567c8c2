import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useNow, usePolling } from '../../hooks/usePolling'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { useRemote } from '../../hooks/useRemote'
import { ROUTES } from '../../logic/nav'
import { call } from '../../services/api'
import type { VoucherStatus } from '../../services/contract'
import { VoucherCard } from './VoucherCard'
import { VoucherQrSheet } from './VoucherQrSheet'
import './vouchers.css'

const FILTERS: { id: string; label: string; status?: VoucherStatus }[] = [
  { id: 'all', label: '全部', status: undefined },
  { id: 'pending', label: '待使用', status: 'pending' },
  { id: 'fulfilled', label: '已核销', status: 'fulfilled' },
  { id: 'rejected', label: '已驳回', status: 'rejected' },
  { id: 'expired', label: '已过期', status: 'expired' },
]

// The mall is a tab on weapp (switchTab) and a page elsewhere.
const toMall = () => void Taro.switchTab({ url: ROUTES.mall }).catch(() => Taro.navigateTo({ url: ROUTES.mall }))

export default function Vouchers() {
  const [filter, setFilter] = useState(FILTERS[0]!)
  const [shown, setShown] = useState<string | null>(null)
  const { state, reload } = useRemote(() => call('exchange', 'vouchers', filter.status ? { status: filter.status } : {}), [filter.id])
  const now = useNow(1000, state.status === 'ready' && state.data.vouchers.some((v) => v.status === 'pending'))
  // A clerk may have fulfilled a voucher while the shopper was away; refresh on return.
  useRefreshOnReturn(() => reload(true))
  // While a code is on screen the clerk may fulfil it any moment: ask quietly every few seconds.
  usePolling(() => reload(true), 2500, shown !== null)
  const sheet = shown && state.status === 'ready' ? state.data.vouchers.find((v) => v.code === shown) : undefined
  return (
    <Screen id='page-vouchers'>
      <View className='chips'>
        {FILTERS.map((f) => (
          <View key={f.id} id={`filter-${f.id}`} className={`chip ${f.id === filter.id ? 'chip--on' : ''}`} onClick={() => setFilter(f)}>
            {f.label}
          </View>
        ))}
      </View>
      <StateView state={state} onRetry={() => void reload()}>
        {(d) =>
          d.vouchers.length === 0 ? (
            <NoVouchers label={filter.status ? filter.label : null} />
          ) : (
            <View>
              {d.vouchers.map((v) => (
                <VoucherCard key={v.code} v={v} now={now} onUse={setShown} />
              ))}
            </View>
          )
        }
      </StateView>
      {sheet && <VoucherQrSheet v={sheet} now={now} onClose={() => setShown(null)} />}
    </Screen>
  )
}

function NoVouchers({ label }: { label: string | null }) {
  return (
    <View className='state state--empty' id='vouchers-empty'>
      <View className='vouchers-empty__icon'>券</View>
      <View>{label ? `没有${label}的券` : '还没有券，用积分兑换一张吧'}</View>
      <ActionButton className='btn btn--small gap-top' id='vouchers-to-mall' onClick={toMall}>
        去积分商城
      </ActionButton>
    </View>
  )
}
