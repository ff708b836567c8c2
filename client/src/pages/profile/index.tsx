import { Text, View } from '@tarojs/components'
import { EntryGrid } from '../../components/EntryGrid'
import { Screen } from '../../components/Screen'
import { Skeleton } from '../../components/Skeleton'
import { StateView } from '../../components/StateView'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { useRemote } from '../../hooks/useRemote'
import { entriesFor } from '../../logic/nav'
import { call } from '../../services/api'
import { ProfileForm } from './ProfileForm'
import { SubscribeCard } from './SubscribeCard'

// 我的: who I am, my other pages (and the desks my role opens), my profile and reminders.
export default function Mine() {
  const { state, reload } = useRemote(() => call('member', 'summary'))
  // a tab stays mounted: back on it, the tier and counters are read again
  useRefreshOnReturn(() => reload(true))
  return (
    <Screen id='page-profile'>
      <StateView state={state} onRetry={() => void reload()} skeleton={<Skeleton cards={3} id='profile-skeleton' />}>
        {(s) => (
          <View>
            <View className='card row' id='me-card'>
              <View className='grow min-0'>
                <View className='me__name ellipsis' id='me-name'>
                  {s.nickname || '微信用户'}
                </View>
                {s.memberNo && <View className='muted'>会员号 {s.memberNo}</View>}
              </View>
              <Text className='tag tag--green nowrap'>{s.tier.name}</Text>
            </View>
            <EntryGrid id='me-entries' entries={entriesFor(s.role, ['vouchers', 'history', 'checkin', 'memberCode', 'scan'])} />
            <ProfileForm summary={s} onSaved={() => void reload(true)} />
            <SubscribeCard />
          </View>
        )}
      </StateView>
    </Screen>
  )
}
