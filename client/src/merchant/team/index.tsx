import { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { Screen } from '../../components/Screen'
import { useRemote } from '../../hooks/useRemote'
import { ROLE_LABELS } from '../../logic/invite'
import { ROUTES } from '../../logic/nav'
import { call } from '../../services/api'
import { InviteForm, type Invite } from './InviteForm'
import { StaffList } from './StaffList'

// 店员管理: who is staff, invites for new ones, and removing those who left.
export default function Team() {
  const { state, reload } = useRemote(() => call('store', 'staffList'))
  const [invite, setInvite] = useState<Invite | null>(null)
  // weapp: "发给店员" sends the invite as a card that opens the join page
  useShareAppMessage(() =>
    invite ? { title: `邀请你成为${ROLE_LABELS[invite.role]}`, path: invite.link } : { title: '积分会员', path: ROUTES.home },
  )
  return (
    <Screen id='page-team'>
      <InviteForm invite={invite} onInvite={setInvite} />
      <StaffList state={state} onChanged={() => void reload(true)} onRetry={() => void reload()} />
    </Screen>
  )
}
