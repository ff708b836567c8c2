import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { Stepper } from '../../components/Stepper'
import { VoucherPicker } from '../../components/VoucherPicker'
import { formatPoints, formatYuan } from '../../logic/format'
import { stepPoints, voucherGain } from '../../logic/till'
import { call } from '../../services/api'
import type { ApiError, PurchasePreview } from '../../services/contract'

export interface ClaimChoice {
  points: number
  voucherCode: string | null
}
interface Props {
  code: string
  pending: boolean
  error: ApiError | null
  onConfirm: (choice: ClaimChoice) => void
}

// The sums before confirming, from the server: each change of points or voucher asks again; a late answer is dropped.
export function PreviewCard({ code, pending, error, onConfirm }: Props) {
  const [choice, setChoice] = useState<ClaimChoice>({ points: 0, voucherCode: null })
  const [preview, setPreview] = useState<{ of: ClaimChoice; data: PurchasePreview } | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    const asked = choice
    void call('store', 'previewPurchase', { code, pointsToUse: asked.points, ...(asked.voucherCode ? { voucherCode: asked.voucherCode } : {}) }).then(
      (env) => {
        if (mine !== seq.current) return
        if (!env.ok) return setLoadError(env.error)
        setLoadError(null)
        setPreview({ of: asked, data: env.data })
        // a voucher leaves less to pay, so fewer points may be used: keep the stepper within the new most
        if (asked.points > env.data.maxPoints) setChoice((c) => ({ ...c, points: env.data.maxPoints }))
      },
    )
  }, [code, choice])

  if (!preview)
    return (
      <View className='card'>
        {loadError ? <ErrorLine message={loadError.message} id='preview-error' /> : <View className='state'>加载中…</View>}
      </View>
    )
  const p = preview.data
  const settled = preview.of === choice && p.pointsToUse === choice.points
  return (
    <View className='card' id='claim-preview'>
      <View className='card__title'>确认订单</View>
      <View className='list-item'>
        <Text>订单金额</Text>
        <Text id='preview-amount'>{formatYuan(p.amountFen)}</Text>
      </View>
      <View className='list-item'>
        <Text>会员折扣</Text>
        <Text id='preview-tier'>{p.tierDiscountFen > 0 ? formatYuan(-p.tierDiscountFen) : '无'}</Text>
      </View>
      <View className='list-item'>
        <Text>优惠券</Text>
        <Text id='preview-voucher'>{voucherLine(p, choice.voucherCode)}</Text>
      </View>
      <VoucherPicker
        vouchers={p.vouchers}
        chosen={choice.voucherCode}
        disabled={pending}
        onChoose={(voucherCode) => setChoice((c) => ({ ...c, voucherCode }))}
      />
      <View className='list-item'>
        <View>
          <View>使用积分</View>
          <View className='muted' id='preview-max'>
            {p.maxPoints > 0 ? `本单最多可用 ${formatPoints(p.maxPoints)} 积分` : '本单不能使用积分'}
          </View>
        </View>
        <Stepper
          id='points-stepper'
          value={formatPoints(choice.points)}
          disabled={pending}
          onStep={(d) => setChoice((c) => ({ ...c, points: stepPoints(c.points, d, p.maxPoints) }))}
          canDown={choice.points > 0}
          canUp={choice.points < p.maxPoints}
        />
      </View>
      <View className='list-item'>
        <Text>积分抵扣</Text>
        <Text id='preview-deducted'>{formatYuan(-p.deductedFen)}</Text>
      </View>
      <View className='list-item'>
        <Text>实付金额</Text>
        <Text className='item__name' id='preview-pay'>
          {formatYuan(p.payFen)}
        </Text>
      </View>
      <View className='list-item'>
        <Text>预计获得积分</Text>
        <Text className='delta-plus' id='preview-award'>
          +{formatPoints(p.awardPreview)}
        </Text>
      </View>
      {p.campaigns.map((c) => (
        <View className='muted' key={c.id}>
          含{c.name} +{formatPoints(c.points)} 积分
        </View>
      ))}
      <ErrorLine message={(loadError ?? error)?.message} id='claim-error' />
      <ActionButton className='btn gap-top' id='claim-btn' disabled={pending || !settled} onClick={() => onConfirm(choice)}>
        {pending ? '领取中…' : '确认并领取积分'}
      </ActionButton>
    </View>
  )
}

/** The 优惠券 row: what the chosen voucher does, or how many could be chosen. */
function voucherLine(p: PurchasePreview, chosenCode: string | null): string {
  if (p.vouchers.length === 0) return '无可用优惠券'
  const chosen = p.vouchers.find((v) => v.code === chosenCode)
  if (!chosen) return `${p.vouchers.length} 张可用`
  return p.voucherOffFen > 0 ? formatYuan(-p.voucherOffFen) : voucherGain(chosen)
}
