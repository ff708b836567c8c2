import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { parseYuanToFen } from '../../logic/format'
import { call } from '../../services/api'
import type { Purchase } from '../../services/contract'
import { canScan, scanCode } from '../../services/scanner'
import { PurchaseStatus } from './PurchaseStatus'

// The other way round: the clerk scans (or types) the shopper's 会员码, enters the amount, and sees what to charge at once.
// The order id is the intent's request id, so a retried tap after a lost answer checks out once.
export function MemberCheckout() {
  const [digits, setDigits] = useState('')
  const [yuan, setYuan] = useState('')
  const [inputError, setInputError] = useState<string | null>(null)
  const [done, setDone] = useState<Purchase | null>(null)
  const checkout = useMutation((orderId, fen: number, memberCode: string) => call('store', 'checkout', { orderId, amountFen: fen, memberCode }))

  const onScan = async () => {
    const raw = await scanCode()
    if (raw) setDigits(raw.replace(/\D/g, ''))
  }

  const onCheckout = async () => {
    const fen = parseYuanToFen(yuan)
    if (fen === null) return setInputError('请输入正确的金额，例如 38 或 38.50')
    const code = digits.replace(/\D/g, '')
    if (!code) return setInputError('请扫描或输入顾客的会员码')
    setInputError(null)
    setDone(null)
    const env = await checkout.submit(fen, code)
    if (env?.ok) {
      setDone(env.data.purchase)
      setDigits('')
      setYuan('')
    }
  }

  return (
    <View className='card' id='checkout-card'>
      <View className='card__title'>会员码结账<Text className='card__hint'>扫顾客的会员码</Text></View>
      {canScan && <Button className='btn btn--ghost gap-bottom' id='scan-member-btn' onClick={() => void onScan()}>扫会员码</Button>}
      <Input className='input-box' id='member-code-input' maxlength={30} value={digits} placeholder='会员码数字（20 位）'
        onInput={(e) => setDigits(e.detail.value)} />
      <Input className='input-box' id='checkout-amount' type='digit' value={yuan} placeholder='订单金额（元）'
        onInput={(e) => setYuan(e.detail.value)} />
      <ActionButton className='btn' id='checkout-btn' disabled={checkout.pending || !digits.trim() || !yuan.trim()} onClick={() => void onCheckout()}>
        {checkout.pending ? '结账中…' : '结账'}
      </ActionButton>
      <ErrorLine message={inputError ?? checkout.error?.message} id='checkout-error' />
      {done && <PurchaseStatus purchase={done} id='checkout-result' />}
    </View>
  )
}
