import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { call } from '../../services/api'
import { confirmed, toastDone } from '../components/confirm'

// 冻结/解冻 with a reason: a frozen member can neither earn nor spend until unfrozen.
export function FreezeForm({ openid, frozen, onDone }: { openid: string; frozen: boolean; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const freeze = useMutation((_id, to: boolean, why: string) => call('store', 'freeze', { openid, frozen: to, reason: why }))
  const verb = frozen ? '解冻' : '冻结'

  const onSubmit = async () => {
    setHint(null)
    freeze.setError(null)
    if (!reason.trim()) return setHint(`请填写${verb}原因`)
    const warning = frozen ? '解冻后会员可以正常获得和使用积分。' : '冻结后会员不能获得或使用积分。'
    if (!(await confirmed(`${verb}会员`, `${warning}原因：${reason.trim()}`))) return
    const env = await freeze.submit(!frozen, reason.trim())
    if (!env?.ok) return
    setReason('')
    toastDone(`已${verb}`)
    onDone()
  }

  return (
    <View className='card' id='freeze'>
      <View className='card__title'>{verb}会员</View>
      <Input
        className='input-box'
        id='freeze-reason'
        value={reason}
        maxlength={200}
        placeholder={`${verb}原因（必填）`}
        onInput={(e) => setReason(e.detail.value)}
      />
      <ErrorLine message={hint ?? freeze.error?.message} id='freeze-error' />
      <ActionButton
        className={`btn btn--tall ${frozen ? '' : 'btn--danger'}`}
        id='freeze-submit'
        disabled={freeze.pending}
        onClick={() => void onSubmit()}
      >
        {verb}
      </ActionButton>
    </View>
  )
}
