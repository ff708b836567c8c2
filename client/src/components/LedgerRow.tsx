import { Text, View } from '@tarojs/components'
import { formatDateTime, formatPoints, formatSignedPoints, reasonLabel } from '../logic/format'
import type { LedgerEntry } from '../services/contract'

// One line of a points history, as the shopper and the owner both read it.
export function LedgerRow({ e }: { e: LedgerEntry }) {
  return (
    <View className='list-item ledger-entry'>
      <View className='grow min-0'>
        <View className='wrap'>{reasonLabel(e.reason)}</View>
        <View className='muted'>
          {formatDateTime(e.at)} · 余额 {formatPoints(e.balanceAfter)}
        </View>
      </View>
      <Text className={e.delta >= 0 ? 'delta-plus' : 'delta-minus'}>{formatSignedPoints(e.delta)}</Text>
    </View>
  )
}
