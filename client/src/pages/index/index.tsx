import { Text, View } from '@tarojs/components'
import { CampaignBanner } from '../../components/CampaignBanner'
import { EntryGrid } from '../../components/EntryGrid'
import { Screen } from '../../components/Screen'
import { Skeleton } from '../../components/Skeleton'
import { StateView } from '../../components/StateView'
import { useCheckIn } from '../../hooks/useCheckIn'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { useRemote } from '../../hooks/useRemote'
import { useShareOpen } from '../../hooks/useShareOpen'
import { entriesFor, ROUTES } from '../../logic/nav'
import { call } from '../../services/api'
import type { Summary } from '../../services/contract'
import { go } from '../../services/navigate'
import { CheckinCard } from './CheckinCard'
import { ExpiringCard } from './ExpiringCard'
import { TierCard } from './TierCard'

export default function Home() {
  const { state, reload, setData } = useRemote(() => call('member', 'login'))
  const display = state.status === 'ready' ? state.data.display.checkIn : null
  const checkIn = useCheckIn(display, ({ balance, streak }) => setData((s) => ({ ...s, balance, streak: { count: streak, checkedInToday: true } })))
  useShareOpen(state.status === 'ready')

  // Coming back from another page (a redemption, a claim) refreshes the balance quietly.
  useRefreshOnReturn(() => reload(true))

  return (
    <Screen id='page-home'>
      <StateView state={state} onRetry={() => void reload()} skeleton={<Skeleton cards={3} id='home-skeleton' />}>
        {(s) => (
          <View>
            <TierCard s={s} />
            <CampaignBanner campaigns={s.campaigns} />
            <ExpiringCard expiring={s.expiring} />
            <CheckinCard s={s} onCheckIn={() => void checkIn.checkIn()} pending={checkIn.pending} error={checkIn.error} />
            <Recommendations s={s} />
            <EntryGrid id='home-entries' entries={entriesFor(s.role, ['memberCode', 'scan', 'checkin', 'vouchers', 'history'])} />
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function Recommendations({ s }: { s: Summary }) {
  if (s.recommendations.length === 0) return null
  return (
    <View className='card' id='recommendations'>
      <View className='card__title'>为你推荐</View>
      {s.recommendations.map((r) => (
        <View className='list-item' key={r.itemId} onClick={() => go(ROUTES.mall)}>
          <Text className='ellipsis'>{r.text}</Text>
          <Text className='muted nowrap'>去看看 ›</Text>
        </View>
      ))}
    </View>
  )
}
