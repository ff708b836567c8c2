import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { useSpin } from '../../hooks/useSpin'
import { formatPoints } from '../../logic/format'
import { drawBlock, drawResultText, isLoss, landingCell, ringCells, RING_SLOTS, spinPath } from '../../logic/lottery'
import { call } from '../../services/api'

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
          const busy = draw.pending || spinning
          return (
            <View>
              <View className='card__title'>
                积分抽奖
                <Text className='card__hint' id='lottery-cost'>{formatPoints(lottery.cost)} 积分抽一次{lottery.drawsLeftToday === null ? '' : ` · 今天还可抽 ${lottery.drawsLeftToday} 次`}</Text>
              </View>
              <View className='lottery'>
                {Array.from({ length: 9 }, (_, slot) => {
                  const ring = (RING_SLOTS as readonly number[]).indexOf(slot)
                  if (ring < 0) {
                    return (
                      <ActionButton key='draw' className='lottery__cell lottery__draw btn' id='draw-btn' disabled={busy || block !== null} onClick={() => void onDraw(cells)}>
                        {busy ? '抽奖中' : '抽一次'}
                      </ActionButton>
                    )
                  }
                  const cell = cells[ring]
                  return (
                    <View key={slot} className={`lottery__cell ${lit === ring ? 'lottery__cell--lit' : ''}`} id={`prize-cell-${ring}`} data-lit={lit === ring}>
                      <View className='lottery__name'>{cell?.name ?? ''}</View>
                      {cell && <View className='lottery__odds'>中奖率 {cell.odds}</View>}
                    </View>
                  )
                })}
              </View>
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
