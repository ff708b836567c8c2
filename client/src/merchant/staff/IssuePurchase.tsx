import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { QrCode } from '../../components/QrCode'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { usePolling } from '../../hooks/usePolling'
import { parseYuanToFen } from '../../logic/format'
import { purchaseStage } from '../../logic/till'
import { call, type DataFor } from '../../services/api'
import type { Purchase } from '../../services/contract'
import { PurchaseStatus } from './PurchaseStatus'

const POLL_MS = 1500

// The order id is the request id of the intent: re-tapping after a lost answer returns the same code.
// Once issued, the screen asks the server every 1.5 s until the shopper has claimed it or it expired.
export function IssuePurchase() {
  const [yuan, setYuan] = useState('')
  const [code, setCode] = useState<string | null>(null)
  const [purchase, setPurchase] = useState<Purchase | null>(null)
  const [inputError, setInputError] = useState<string | null>(null)
  const issue = useMutation((orderId, amountFen: number) => call('store', 'issuePurchase', { orderId, amountFen }))

  const onIssue = async () => {
    const fen = parseYuanToFen(yuan)
    if (fen === null) return setInputError('请输入正确的金额，例如 38 或 38.50')
    setInputError(null)
    const env = await issue.submit(fen)
    if (!env?.ok) return
    setCode(env.data.code)
    setPurchase(openPurchase(env.data))
  }

  usePolling(
    async () => {
      if (!purchase) return
      const env = await call('store', 'purchase', { orderId: purchase.orderId })
      if (env.ok) setPurchase(env.data.purchase)
    },
    POLL_MS,
    purchase !== null && !purchaseStage(purchase.status).final,
  )

  return (
    <View className='card' id='issue-card'>
      <View className='card__title'>
        开消费码<Text className='card__hint'>顾客扫码领取积分</Text>
      </View>
      <Input
        className='input-box'
        id='amount-input'
        type='digit'
        value={yuan}
        placeholder='订单金额（元）'
        onInput={(e) => setYuan(e.detail.value)}
      />
      <ActionButton className='btn' id='issue-btn' disabled={issue.pending || !yuan.trim()} onClick={() => void onIssue()}>
        {issue.pending ? '生成中…' : '生成消费码'}
      </ActionButton>
      <ErrorLine message={inputError ?? issue.error?.message} id='issue-error' />
      {code && purchase && (
        <View id='issued'>
          <PurchaseStatus purchase={purchase} id='issued-purchase' />
          {purchase.status === 'open' && <QrCode value={code} id='purchase-qr' />}
        </View>
      )}
    </View>
  )
}

// The issued code as the first poll would answer it, so the countdown starts at once.
function openPurchase(issued: DataFor<'store', 'issuePurchase'>): Purchase {
  const { orderId, amountFen, expiresAt } = issued
  return {
    orderId,
    amountFen,
    expiresAt,
    status: 'open',
    tierDiscountFen: 0,
    voucherOffFen: 0,
    deductedPoints: 0,
    payFen: amountFen,
    awarded: 0,
    refundedFen: 0,
    member: null,
    claimedAt: null,
  }
}
