import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { useSpin } from '../../hooks/useSpin'
import { formatPoints } from '../../logic/format'
import { drawBlock, drawResultText, isLoss, landingCell, ringCells, spinPath } from '../../logic/lottery'
import { call } from '../../services/api'
import { LotteryGrid } from './LotteryGrid'

interface Props { balance: number; onBalance: (balance: number) => void }

const pick = (n: number) => Math.floor(Math.random() * n)

// The 九宫格: the prizes with their odds round the draw button; the highlight goes round and lands on the server's prize.
export function LotteryCard({ balance, onBalance }: Props) {
  const { state, reload } = useRemote(() => call('exchange', 'lottery'))
  const draw = useMutation((requestId) => call('exchange', 'draw', { requestId }))
  const { lit, spin } = useSpin()
  const [spinning, setSpinning] = useState(false)
  const [result, setResult] = useState<{ text: string; loss: boolean } | null>(null)

  const onDraw = async (cells: ReturnType<typeof ringCells>) => {
    setResult(null)
    const env = await draw.submit()
    if (!env?.ok) return
    setSpinning(true)
    await spin(spinPath(lit ?? 0, landingCell(cells, env.data.prize.id, pick)))
    setSpinning(false)
    setResult({ text: drawResultText(env.data.prize), loss: isLoss(env.data.prize) })
    onBalance(env.data.balance)
    void reload(true)
  }

  return (
    <View className='card' id='lottery'>
      <StateView state={state} onRetry={() => void reload()}>
        {(lottery) => {
          const cells = ringCells(lottery.prizes)
          const block = drawBlock(lottery, balance)
          return (
            <View>
              <View className='card__title'>
                积分抽奖
                <Text className='card__hint' id='lottery-cost'>{formatPoints(lottery.cost)} 积分抽一次{lottery.drawsLeftToday === null ? '' : ` · 今天还可抽 ${lottery.drawsLeftToday} 次`}</Text>
              </View>
              <LotteryGrid cells={cells} lit={lit} busy={draw.pending || spinning} disabled={block !== null} onDraw={() => void onDraw(cells)} />
              {block && <View className='muted center gap-top-small' id='draw-block'>{block}</View>}
              {result && <View className={result.loss ? 'muted-line' : 'success-line'} id='draw-prize'>{result.text}</View>}
              <ErrorLine message={draw.error?.message} id='draw-error' />
            </View>
          )
        }}
      </StateView>
    </View>
  )
}
