import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { parseDelta } from '../../logic/adjust'
import { formatSignedPoints } from '../../logic/format'
import { call } from '../../services/api'
import { confirmed, toastDone } from '../components/confirm'

// 调整积分: a signed amount and a reason the member will read in their history; the server refuses going below zero.
export function AdjustForm({ openid, onDone }: { openid: string; onDone: () => void }) {
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const adjust = useMutation((requestId, delta: number, why: string) => call('store', 'adjust', { openid, delta, reason: why, requestId }))

  const onSubmit = async () => {
    setHint(null)
    adjust.setError(null)
    const delta = parseDelta(amount)
    if (delta === null) return setHint('请输入要调整的积分：增加直接填数，扣除在数前加负号')
    if (!reason.trim()) return setHint('请填写调整原因，会员会在积分明细里看到')
    if (!(await confirmed('调整积分', `确定为这位会员调整 ${formatSignedPoints(delta)} 积分？原因：${reason.trim()}`))) return
    const env = await adjust.submit(delta, reason.trim())
    if (!env?.ok) return
    setAmount('')
    setReason('')
    toastDone('已调整')
    onDone()
  }

  return (
    <View className='card' id='adjust'>
      <View className='card__title'>调整积分</View>
      <Input
        className='input-box'
        id='adjust-amount'
        type='text'
        value={amount}
        maxlength={9}
        placeholder='增加填 50，扣除填 -50'
        onInput={(e) => setAmount(e.detail.value)}
      />
      <Input
        className='input-box'
        id='adjust-reason'
        value={reason}
        maxlength={200}
        placeholder='原因（必填，会员可见）'
        onInput={(e) => setReason(e.detail.value)}
      />
      <ErrorLine message={hint ?? adjust.error?.message} id='adjust-error' />
      <ActionButton className='btn btn--tall' id='adjust-submit' disabled={adjust.pending} onClick={() => void onSubmit()}>
        {adjust.pending ? '调整中…' : '调整积分'}
      </ActionButton>
    </View>
  )
}
