import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import type { Remote } from '../../hooks/useRemote'
import { useSpin } from '../../hooks/useSpin'
import { formatPoints } from '../../logic/format'
import { drawBlock, drawResultText, isLoss, landingCell, ringCells, spinPath } from '../../logic/lottery'
import { call, type DataFor } from '../../services/api'
import { LotteryGrid } from './LotteryGrid'

// The prizes are loaded by the mall, which reads them again whenever the shopper comes back to it.
interface Props {
  remote: { state: Remote<DataFor<'exchange', 'lottery'>>; reload: (quiet?: boolean) => Promise<void> }
  balance: number
  onBalance: (balance: number) => void
}

const pick = (n: number) => Math.floor(Math.random() * n)

// The 九宫格: the prizes with their odds round the draw button; the highlight goes round and lands on the server's prize.
export function LotteryCard({ remote, balance, onBalance }: Props) {
  const { state, reload } = remote
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
                <Text className='card__hint' id='lottery-cost'>
                  {formatPoints(lottery.cost)} 积分抽一次{lottery.drawsLeftToday === null ? '' : ` · 今天还可抽 ${lottery.drawsLeftToday} 次`}
                </Text>
              </View>
              <LotteryGrid cells={cells} lit={lit} busy={draw.pending || spinning} disabled={block !== null} onDraw={() => void onDraw(cells)} />
              {block && (
                <View className='muted center gap-top-small' id='draw-block'>
                  {block}
                </View>
              )}
              {result && (
                <View className={result.loss ? 'muted-line' : 'success-line'} id='draw-prize'>
                  {result.text}
                </View>
              )}
              <ErrorLine message={draw.error?.message} id='draw-error' />
            </View>
          )
        }}
      </StateView>
    </View>
  )
}
