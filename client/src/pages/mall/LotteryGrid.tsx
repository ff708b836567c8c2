import { View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { RING_SLOTS, type PrizeCell } from '../../logic/lottery'

interface Props {
  cells: PrizeCell[]
  lit: number | null
  busy: boolean
  disabled: boolean
  onDraw: () => void
}

// The 3×3 grid: eight prize cells, each with its odds, round the draw button; the lit cell is where the highlight stands.
export function LotteryGrid({ cells, lit, busy, disabled, onDraw }: Props) {
  return (
    <View className='lottery'>
      {Array.from({ length: 9 }, (_, slot) => {
        const ring = (RING_SLOTS as readonly number[]).indexOf(slot)
        if (ring < 0) {
          return (
            <ActionButton key='draw' className='lottery__cell lottery__draw btn' id='draw-btn' disabled={busy || disabled} onClick={onDraw}>
              {busy ? '抽奖中' : '抽一次'}
            </ActionButton>
          )
        }
        const cell = cells[ring]
        return (
          <View key={slot} className={`lottery__cell ${lit === ring ? 'lottery__cell--lit' : ''}`} id={`prize-cell-${ring}`}>
            <View className='lottery__name'>{cell?.name ?? ''}</View>
            {cell && <View className='lottery__odds'>中奖率 {cell.odds}</View>}
          </View>
        )
      })}
    </View>
  )
}
