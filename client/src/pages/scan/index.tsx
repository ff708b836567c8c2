import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { codeFromScan } from '../../logic/codes'
import { canScan } from '../../services/scanner'
import { call, type DataFor } from '../../services/api'
import { ClaimedCard } from './ClaimedCard'
import { PreviewCard, type ClaimChoice } from './PreviewCard'

export default function Scan() {
  const { params } = useRouter()
  // A mini-program code opens this page with the purchase code as its scene (or ?code= on H5).
  const [code, setCode] = useState(() => codeFromScan(params.scene ?? params.code ?? ''))
  const [previewed, setPreviewed] = useState<string | null>(null)
  const [result, setResult] = useState<DataFor<'store', 'claimPurchase'> | null>(null)
  const claim = useMutation((_id, c: string, choice: ClaimChoice) =>
    call('store', 'claimPurchase', { code: c, pointsToUse: choice.points, ...(choice.voucherCode ? { voucherCode: choice.voucherCode } : {}) }),
  )

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

  const onConfirm = async (choice: ClaimChoice) => {
    if (!previewed) return
    const env = await claim.submit(previewed, choice)
    if (env?.ok) setResult(env.data)
  }

  return (
    <Screen id='page-scan'>
      <View className='card'>
        <View className='card__title'>
          扫码积分<Text className='card__hint'>扫描店员出示的消费码</Text>
        </View>
        {canScan && (
          <Button className='btn gap-bottom' id='scan-btn' onClick={() => void onScan()}>
            扫一扫
          </Button>
        )}
        <Input className='input-box' id='claim-code' value={code} placeholder='粘贴或输入消费码' onInput={(e) => setCode(e.detail.value)} />
        <ActionButton
          className='btn btn--ghost'
          id='preview-btn'
          disabled={!code.trim() || claim.pending || result !== null}
          onClick={() => setPreviewed(codeFromScan(code))}
        >
          查看订单
        </ActionButton>
      </View>
      {previewed && !result && (
        <PreviewCard key={previewed} code={previewed} pending={claim.pending} error={claim.error} onConfirm={(p) => void onConfirm(p)} />
      )}
      {result && <ClaimedCard result={result} />}
      {result && <ErrorLine message={claim.error?.message} id='claim-error' />}
    </Screen>
  )
}
