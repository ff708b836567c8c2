import { Button, Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { QrCode } from '../../components/QrCode'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { formatDateTime } from '../../logic/format'
import { ROLE_LABELS } from '../../logic/invite'
import { call, type DataFor } from '../../services/api'
import { canShareInvite, inviteLink } from '../components/invite-link'

type Role = keyof typeof ROLE_LABELS
export type Invite = DataFor<'store', 'inviteStaff'> & { link: string; role: Role; name: string }

// A one-use invite, valid 24 h: the new clerk scans the QR code or opens the link, and joins with one tap.
export function InviteForm({ invite, onInvite }: { invite: Invite | null; onInvite: (i: Invite | null) => void }) {
  const [role, setRole] = useState<Role>('staff')
  const [name, setName] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const create = useMutation((_id, r: Role, n: string) => call('store', 'inviteStaff', { role: r, name: n }))

  const onCreate = async () => {
    setHint(null)
    onInvite(null)
    if (!name.trim()) return setHint('请填写店员的称呼，例如 小王')
    const env = await create.submit(role, name.trim())
    if (env?.ok) onInvite({ ...env.data, link: inviteLink(env.data.code), role, name: name.trim() })
  }

  return (
    <View className='card' id='invite'>
      <View className='card__title'>
        邀请店员<View className='card__hint'>一次有效，24 小时内</View>
      </View>
      <View className='chips'>
        {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
          <View key={r} id={`invite-role-${r}`} className={`chip tap ${role === r ? 'chip--on' : ''}`} onClick={() => setRole(r)}>
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      <Input className='input-box' id='invite-name' value={name} maxlength={32} placeholder='称呼（必填）' onInput={(e) => setName(e.detail.value)} />
      <ErrorLine message={hint ?? create.error?.message} id='invite-error' />
      <ActionButton className='btn btn--tall' id='invite-create' disabled={create.pending} onClick={() => void onCreate()}>
        {create.pending ? '生成中…' : '生成邀请'}
      </ActionButton>
      {invite && <InviteCard invite={invite} />}
    </View>
  )
}

function InviteCard({ invite }: { invite: Invite }) {
  const copy = () => void Taro.setClipboardData({ data: invite.link })
  return (
    <View className='gap-top' id='invite-card'>
      <View className='center'>
        邀请「{invite.name}」成为{ROLE_LABELS[invite.role]}
      </View>
      <QrCode value={invite.link} id='invite-qr' showText={false} />
      <View className='invite-link' id='invite-link'>
        {invite.link}
      </View>
      <View className='muted center gap-bottom' id='invite-code'>
        邀请码 {invite.code} · {formatDateTime(invite.expiresAt)} 前有效
      </View>
      <View className='btn-row'>
        <Button className='btn btn--ghost btn--tall' id='invite-copy' onClick={copy}>
          复制链接
        </Button>
        {canShareInvite && (
          <Button className='btn btn--tall' id='invite-share' openType='share'>
            发给店员
          </Button>
        )}
      </View>
    </View>
  )
}
