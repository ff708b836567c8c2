import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { Stepper } from '../../components/Stepper'
import { useMutation } from '../../hooks/useMutation'
import { codeFromScan } from '../../logic/codes'
import { formatPoints, formatYuan } from '../../logic/format'
import { stepPoints } from '../../logic/till'
import { tierName } from '../../logic/tiers'
import { call, type DataFor } from '../../services/api'
import type { ApiError, PurchasePreview } from '../../services/contract'

export default function Scan() {
  const { params } = useRouter()
  // A mini-program code opens this page with the purchase code as its scene (or ?code= on H5).
  const [code, setCode] = useState(() => codeFromScan(params.scene ?? params.code ?? ''))
  const [previewed, setPreviewed] = useState<string | null>(null)
  const [result, setResult] = useState<DataFor<'store', 'claimPurchase'> | null>(null)
  const claim = useMutation((_id, c: string, points: number) => call('store', 'claimPurchase', { code: c, pointsToUse: points }))

  // Opened from the code itself: show what it costs at once.
  useEffect(() => {
    if (code) setPreviewed(codeFromScan(code))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onScan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      setCode(codeFromScan(res.result))
      setPreviewed(codeFromScan(res.result))
    } catch {
      // The shopper closed the scanner; nothing to do.
    }
  }

  const onConfirm = async (points: number) => {
    if (!previewed) return
    const env = await claim.submit(previewed, points)
    if (env?.ok) setResult(env.data)
  }

  return (
    <Screen id='page-scan'>
      <View className='card'>
        <View className='card__title'>扫码积分<Text className='card__hint'>扫描店员出示的消费码</Text></View>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className='btn gap-bottom' id='scan-btn' onClick={() => void onScan()}>扫一扫</Button>
        )}
        <Input className='input-box' id='claim-code' value={code} placeholder='粘贴或输入消费码'
          onInput={(e) => setCode(e.detail.value)} />
        <ActionButton className='btn btn--ghost' id='preview-btn' disabled={!code.trim() || claim.pending || result !== null}
          onClick={() => setPreviewed(codeFromScan(code))}>
          查看订单
        </ActionButton>
      </View>
      {previewed && !result && <PreviewCard key={previewed} code={previewed} pending={claim.pending} error={claim.error} onConfirm={(p) => void onConfirm(p)} />}
      {result && <ClaimedCard result={result} />}
      {result && <ErrorLine message={claim.error?.message} id='claim-error' />}
    </Screen>
  )
}

interface PreviewProps { code: string; pending: boolean; error: ApiError | null; onConfirm: (points: number) => void }

// The sums before confirming, from the server: each change of points asks again; a late answer is dropped.
function PreviewCard({ code, pending, error, onConfirm }: PreviewProps) {
  const [points, setPoints] = useState(0)
  const [preview, setPreview] = useState<PurchasePreview | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    void call('store', 'previewPurchase', { code, pointsToUse: points }).then((env) => {
      if (mine !== seq.current) return
      if (!env.ok) return setLoadError(env.error)
      setLoadError(null)
      setPreview(env.data)
    })
  }, [code, points])

  const settled = preview !== null && preview.pointsToUse === points
  if (!preview) return <View className='card'>{loadError ? <ErrorLine message={loadError.message} id='preview-error' /> : <View className='state'>加载中…</View>}</View>
  return (
    <View className='card' id='claim-preview'>
      <View className='card__title'>确认订单</View>
      <View className='list-item'><Text>订单金额</Text><Text id='preview-amount'>{formatYuan(preview.amountFen)}</Text></View>
      <View className='list-item'><Text>会员折扣</Text><Text id='preview-tier'>{preview.tierDiscountFen > 0 ? formatYuan(-preview.tierDiscountFen) : '无'}</Text></View>
      <View className='list-item'><Text>优惠券</Text><Text id='preview-voucher'>{preview.voucherOffFen > 0 ? formatYuan(-preview.voucherOffFen) : '无可用优惠券'}</Text></View>
      <View className='list-item'>
        <View>
          <View>使用积分</View>
          <View className='muted' id='preview-max'>{preview.maxPoints > 0 ? `本单最多可用 ${formatPoints(preview.maxPoints)} 积分` : '本单不能使用积分'}</View>
        </View>
        <Stepper id='points-stepper' value={formatPoints(points)} disabled={pending}
          onStep={(d) => setPoints((p) => stepPoints(p, d, preview.maxPoints))} canDown={points > 0} canUp={points < preview.maxPoints} />
      </View>
      <View className='list-item'><Text>积分抵扣</Text><Text id='preview-deducted'>{formatYuan(-preview.deductedFen)}</Text></View>
      <View className='list-item'><Text>实付金额</Text><Text className='item__name' id='preview-pay'>{formatYuan(preview.payFen)}</Text></View>
      <View className='list-item'><Text>预计获得积分</Text><Text className='delta-plus' id='preview-award'>+{formatPoints(preview.awardPreview)}</Text></View>
      <ErrorLine message={(loadError ?? error)?.message} id='claim-error' />
      <ActionButton className='btn gap-top' id='claim-btn' disabled={pending || !settled} onClick={() => onConfirm(points)}>
        {pending ? '领取中…' : '确认并领取积分'}
      </ActionButton>
    </View>
  )
}

function ClaimedCard({ result }: { result: DataFor<'store', 'claimPurchase'> }) {
  return (
    <View className='card' id='claim-result'>
      <View className='card__title'>领取成功</View>
      <View className='row'><Text>获得积分</Text><Text className='delta-plus' id='claim-awarded'>+{formatPoints(result.awarded)}</Text></View>
      {result.deductedPoints > 0 && <View className='row'><Text>积分抵扣</Text><Text className='delta-minus' id='claim-deducted'>-{formatPoints(result.deductedPoints)}</Text></View>}
      <View className='row'><Text>实付金额</Text><Text id='claim-pay'>{formatYuan(result.payFen)}</Text></View>
      <View className='row'><Text>当前积分</Text><Text id='claim-balance'>{formatPoints(result.balance)}</Text></View>
      <View className='row'><Text>会员等级</Text><Text>{tierName(result.tier)}</Text></View>
    </View>
  )
}
