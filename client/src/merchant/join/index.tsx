import { Button, Input, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { inviteCodeOf, ROLE_LABELS } from '../../logic/invite'
import { ROUTES } from '../../logic/nav'
import { call, type DataFor } from '../../services/api'
import { canScan, scanCode } from '../../services/scanner'

type Joined = DataFor<'member', 'joinStaff'>

// Opened from an invite (?code=) or by hand: join as 店员 or 店长 with the invite code; the store's first owner enters the claim code here.
export default function Join() {
  const invited = inviteCodeOf(useRouter().params.code ?? '')
  const [code, setCode] = useState(invited)
  const [hint, setHint] = useState<string | null>(null)
  const [joined, setJoined] = useState<Joined | null>(null)
  const join = useMutation((_id, c: string) => call('member', 'joinStaff', { code: c }))

  const onJoin = async () => {
    setHint(null)
    if (!code.trim()) return setHint('请填写邀请码')
    const env = await join.submit(code.trim())
    if (env?.ok) setJoined(env.data)
  }
  const onScan = async () => {
    const text = await scanCode()
    if (text) setCode(inviteCodeOf(text))
  }

  if (joined) return <Welcome joined={joined} />
  return (
    <Screen id='page-join'>
      <View className='card' id='join'>
        <View className='card__title'>加入店铺</View>
        <View className='muted gap-bottom'>
          {invited ? '店长邀请你加入店铺，确认后即可使用店员工作台。' : '填写店长给你的邀请码；店长第一次使用时，填写部署时设置的店长口令。'}
        </View>
        <Input
          className='input-box'
          id='join-code'
          value={code}
          maxlength={128}
          placeholder='邀请码或店长口令'
          onInput={(e) => setCode(e.detail.value)}
        />
        {canScan && (
          <Button className='btn btn--ghost btn--tall gap-bottom' id='join-scan' onClick={() => void onScan()}>
            扫描邀请二维码
          </Button>
        )}
        <ErrorLine message={hint ?? join.error?.message} id='join-error' />
        <ActionButton className='btn btn--tall' id='join-submit' disabled={join.pending} onClick={() => void onJoin()}>
          {join.pending ? '加入中…' : '确认加入'}
        </ActionButton>
      </View>
    </Screen>
  )
}

function Welcome({ joined }: { joined: Joined }) {
  const go = (url: string) => void Taro.redirectTo({ url })
  return (
    <Screen id='page-join'>
      <View className='card center' id='joined'>
        <View className='card__title'>已成为{ROLE_LABELS[joined.role]}</View>
        <View className='muted gap-bottom'>{joined.name ? `${joined.name}，` : ''}欢迎加入。开消费码、核销券和退款都在店员工作台。</View>
        <Button className='btn btn--tall gap-bottom' id='go-staff' onClick={() => go(ROUTES.staff)}>
          进入店员工作台
        </Button>
        {joined.role === 'admin' && (
          <Button className='btn btn--ghost btn--tall' id='go-admin' onClick={() => go(ROUTES.admin)}>
            进入店主后台
          </Button>
        )}
      </View>
    </Screen>
  )
}
