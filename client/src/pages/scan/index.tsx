import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { formatPoints, formatYuan } from '../../logic/format'
import { api } from '../../services/api'
import type { ClaimResult } from '../../services/contract'
import { codeFromScan } from '../../logic/codes'
import { tierName } from '../../logic/tiers'

export default function Scan() {
  const { params } = useRouter()
  // A mini-program code opens this page with the purchase code as its scene (or ?code= on H5).
  const [code, setCode] = useState(() => codeFromScan(params.scene ?? params.code ?? ''))
  const [usePoints, setUsePoints] = useState(false)
  const [result, setResult] = useState<ClaimResult | null>(null)
  const claim = useMutation((_id, c: string, pay: boolean) => api.claimPurchase(c, pay))

  const onScan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      setCode(codeFromScan(res.result))
    } catch {
      // The shopper closed the scanner; nothing to do.
    }
  }

  const onClaim = async () => {
    const env = await claim.submit(codeFromScan(code), usePoints)
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
        <View className='row gap-bottom'>
          <View>
            <View>使用积分抵扣</View>
            <View className='muted'>100 积分抵 1 元，最多抵订单的 10%</View>
          </View>
          <Switch id='use-points' checked={usePoints} color='#07c160' onChange={(e) => setUsePoints(e.detail.value)} />
        </View>
        <ActionButton className='btn' id='claim-btn' disabled={claim.pending || !code.trim()} onClick={() => void onClaim()}>
          {claim.pending ? '领取中…' : '领取积分'}
        </ActionButton>
        <ErrorLine message={claim.error?.message} id='claim-error' />
      </View>
      {result && (
        <View className='card' id='claim-result'>
          <View className='card__title'>领取成功</View>
          <View className='row'><Text>获得积分</Text><Text className='delta-plus' id='claim-awarded'>+{formatPoints(result.awarded)}</Text></View>
          {result.deductedPoints > 0 && <View className='row'><Text>积分抵扣</Text><Text className='delta-minus'>-{formatPoints(result.deductedPoints)}</Text></View>}
          <View className='row'><Text>实付金额</Text><Text>{formatYuan(result.payFen)}</Text></View>
          <View className='row'><Text>当前积分</Text><Text id='claim-balance'>{formatPoints(result.balance)}</Text></View>
          <View className='row'><Text>会员等级</Text><Text>{tierName(result.tier)}</Text></View>
        </View>
      )}
    </Screen>
  )
}
