import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Screen } from '../../components/Screen'
import { useRemote } from '../../hooks/useRemote'
import { ROUTES } from '../../logic/nav'
import { call } from '../../services/api'
import { AuditTrail } from './AuditTrail'
import { HubGrid } from './HubGrid'
import { firstPeriod, MetricsPanel } from './MetricsPanel'

export default function Admin() {
  const [period, setPeriod] = useState(firstPeriod)
  const { state, reload } = useRemote(() => call('store', 'metrics', period), [period.from, period.to])
  if (state.status === 'error' && state.error.code === 'PERMISSION_DENIED') return <NotOwner message={state.error.message} />
  return (
    <Screen id='page-admin'>
      <MetricsPanel state={state} period={period} onPeriod={setPeriod} onRetry={() => void reload()} />
      <HubGrid onAudit={() => void Taro.pageScrollTo({ selector: '#audit', duration: 300 })} />
      <AuditTrail />
    </Screen>
  )
}

// Anyone may open this page from the home grid; who is not yet the owner is shown how to join.
function NotOwner({ message }: { message: string }) {
  return (
    <Screen id='page-admin'>
      <View className='card' id='not-owner'>
        <View className='card__title'>店主后台</View>
        <View className='muted gap-bottom'>{message}。店长第一次使用，或收到了店长的邀请，请先加入店铺。</View>
        <Button className='btn btn--tall' id='go-join' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
          加入店铺
        </Button>
      </View>
    </Screen>
  )
}
