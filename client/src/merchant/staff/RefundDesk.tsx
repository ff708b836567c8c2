import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { formatPoints, formatYuan, parseYuanToFen } from '../../logic/format'
import { refundableFen } from '../../logic/till'
import { call, type DataFor } from '../../services/api'
import type { Purchase } from '../../services/contract'
import { PurchaseStatus } from './PurchaseStatus'

// Find a purchase by its order number and refund all or part of it. Each refund intent has its own refund id
// (the mutation's request id), so a retried tap refunds once; a refund above the clerk's limit shows the server's answer.
export function RefundDesk() {
  const [orderId, setOrderId] = useState('')
  const [yuan, setYuan] = useState('')
  const [found, setFound] = useState<Purchase | null>(null)
  const [done, setDone] = useState<(DataFor<'store', 'refund'> & { amountFen: number }) | null>(null)
  const [inputError, setInputError] = useState<string | null>(null)
  const find = useMutation((_id, id: string) => call('store', 'purchase', { orderId: id }))
  const refund = useMutation((refundId, id: string, fen: number) => call('store', 'refund', { orderId: id, refundId, amountFen: fen }))
  const busy = find.pending || refund.pending
  const left = found ? refundableFen(found) : 0

  const onFind = async () => {
    setDone(null)
    setFound(null)
    setInputError(null)
    const env = await find.submit(orderId.trim())
    if (env?.ok) setFound(env.data.purchase)
  }

  const onRefund = async (fen: number | null) => {
    if (!found) return
    if (fen === null || fen > left) return setInputError(`请输入退款金额，最多 ${formatYuan(left)}`)
    setInputError(null)
    const env = await refund.submit(found.orderId, fen)
    if (!env?.ok) return
    setDone({ ...env.data, amountFen: fen })
    setFound(env.data.purchase)
    setYuan('')
  }

  return (
    <View className='card' id='refund-card'>
      <View className='card__title'>
        退款<Text className='card__hint'>按订单号查找</Text>
      </View>
      <Input className='input-box' id='refund-order' value={orderId} placeholder='订单号' onInput={(e) => setOrderId(e.detail.value)} />
      <ActionButton className='btn btn--ghost' id='refund-find' disabled={busy || !orderId.trim()} onClick={() => void onFind()}>
        {find.pending ? '查找中…' : '查找订单'}
      </ActionButton>
      <ErrorLine message={find.error?.message} id='refund-find-error' />
      {found && (
        <View id='refund-order-found'>
          <PurchaseStatus purchase={found} id='refund-purchase' />
          {left > 0 && (
            <View className='gap-top'>
              <View className='muted gap-bottom' id='refund-left'>
                最多可退 {formatYuan(left)}
              </View>
              <Input
                className='input-box'
                id='refund-amount'
                type='digit'
                value={yuan}
                placeholder='部分退款金额（元）'
                onInput={(e) => setYuan(e.detail.value)}
              />
              <View className='btn-row'>
                <ActionButton
                  className='btn btn--ghost'
                  id='refund-part'
                  disabled={busy || !yuan.trim()}
                  onClick={() => void onRefund(parseYuanToFen(yuan))}
                >
                  部分退款
                </ActionButton>
                <ActionButton className='btn btn--danger' id='refund-all' disabled={busy} onClick={() => void onRefund(left)}>
                  全额退款
                </ActionButton>
              </View>
            </View>
          )}
        </View>
      )}
      <ErrorLine message={inputError ?? refund.error?.message} id='refund-error' />
      {done && (
        <View className='success-line' id='refund-done'>
          已退款 {formatYuan(done.amountFen)}：收回顾客 {formatPoints(done.clawedBack)} 积分，退回抵扣的 {formatPoints(done.returnedPoints)} 积分
        </View>
      )}
    </View>
  )
}
