import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { parseYuanToFen } from '../../logic/format'
import { orderLines, type LineRow } from '../../logic/till'
import { call, type ArgsFor, type DataFor } from '../../services/api'
import type { Purchase } from '../../services/contract'
import { canScan, scanCode } from '../../services/scanner'
import { CheckoutPreview } from './CheckoutPreview'
import { OrderLinesEditor } from './OrderLinesEditor'
import { PurchaseStatus } from './PurchaseStatus'
import './checkout.css'

type Order = Omit<ArgsFor<'store', 'checkout'>, 'orderId'>
const MEMBER_CODE_DIGITS = 20

/** The order the inputs describe, or why not (null: not typed yet). */
function orderOf(digits: string, yuan: string, rows: LineRow[], voucherCode: string | null): { order: Order } | { error: string } | null {
  const memberCode = digits.replace(/\D/g, '')
  const amountFen = parseYuanToFen(yuan)
  if (!memberCode && !yuan.trim()) return null
  if (amountFen === null) return { error: '请输入正确的金额，例如 38 或 38.50' }
  if (!memberCode) return { error: '请扫描或输入顾客的会员码' }
  const split = orderLines(rows, amountFen)
  if ('error' in split) return split
  return { order: { memberCode, amountFen, ...(split.lines.length ? { lines: split.lines } : {}), ...(voucherCode ? { voucherCode } : {}) } }
}

// The other way round: the clerk scans (or types) the shopper's 会员码 and the amount, sees the member, their vouchers and
// what to charge, applies a voucher or splits the order into lines for a campaign, and charges.
// The order id is the intent's request id, so a retried tap after a lost answer checks out once.
export function MemberCheckout() {
  const [digits, setDigits] = useState('')
  const [yuan, setYuan] = useState('')
  const [rows, setRows] = useState<LineRow[]>([])
  const [voucherCode, setVoucherCode] = useState<string | null>(null)
  const [inputError, setInputError] = useState<string | null>(null)
  const [done, setDone] = useState<Purchase | null>(null)
  const [preview, setPreview] = useState<DataFor<'store', 'checkoutPreview'> | null>(null)
  const checkout = useMutation((orderId, order: Order) => call('store', 'checkout', { orderId, ...order }))
  const seq = useRef(0)
  const parsed = orderOf(digits, yuan, rows, voucherCode)
  const ready = parsed && 'order' in parsed && parsed.order.memberCode.length === MEMBER_CODE_DIGITS ? parsed.order : null

  // Once a whole code and an amount are in, the server's sums and the member's vouchers show; a late answer is dropped.
  const key = JSON.stringify(ready)
  useEffect(() => {
    const mine = ++seq.current
    if (!ready) return setPreview(null)
    void call('store', 'checkoutPreview', ready).then((env) => {
      if (mine === seq.current) setPreview(env.ok ? env.data : null)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const onScan = async () => {
    const raw = await scanCode()
    if (raw) setDigits(raw.replace(/\D/g, ''))
  }

  const onCheckout = async () => {
    const order = orderOf(digits, yuan, rows, voucherCode)
    if (!order || 'error' in order) return setInputError(order?.error ?? '请扫描或输入顾客的会员码')
    setInputError(null)
    setDone(null)
    const env = await checkout.submit(order.order)
    if (env?.ok) {
      setDone(env.data.purchase)
      setDigits('')
      setYuan('')
      setRows([])
      setVoucherCode(null)
    }
  }

  return (
    <View className='card' id='checkout-card'>
      <View className='card__title'>
        会员码结账<Text className='card__hint'>扫顾客的会员码</Text>
      </View>
      {canScan && (
        <Button className='btn btn--ghost gap-bottom' id='scan-member-btn' onClick={() => void onScan()}>
          扫会员码
        </Button>
      )}
      <Input
        className='input-box'
        id='member-code-input'
        maxlength={30}
        value={digits}
        placeholder='会员码数字（20 位）'
        onInput={(e) => setDigits(e.detail.value)}
      />
      <Input
        className='input-box'
        id='checkout-amount'
        type='digit'
        value={yuan}
        placeholder='订单金额（元）'
        onInput={(e) => setYuan(e.detail.value)}
      />
      <OrderLinesEditor rows={rows} onChange={setRows} />
      {preview && <CheckoutPreview preview={preview} chosen={voucherCode} disabled={checkout.pending} onChoose={setVoucherCode} />}
      <ActionButton className='btn' id='checkout-btn' disabled={checkout.pending || !digits.trim() || !yuan.trim()} onClick={() => void onCheckout()}>
        {checkout.pending ? '结账中…' : '结账'}
      </ActionButton>
      <ErrorLine message={inputError ?? checkout.error?.message} id='checkout-error' />
      {done && <PurchaseStatus purchase={done} id='checkout-result' />}
    </View>
  )
}
