import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { LedgerRow } from '../../components/LedgerRow'
import { call, type DataFor } from '../../services/api'
import { LoadMore } from '../components/LoadMore'
import { asPage, usePaged } from '../../hooks/usePaged'

type Ledger = DataFor<'store', 'memberDetail'>['ledger']

// The member's points history, newest first: the first page came with the member, 加载更多 asks for the next.
export function MemberLedger({ openid, first }: { openid: string; first: Ledger }) {
  const list = usePaged(async (cursor) => asPage(await call('store', 'memberLedger', { openid, cursor }), (d) => d.entries))
  useEffect(
    () => list.reset(first.entries, first.nextCursor),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [first],
  )
  return (
    <View className='card' id='member-ledger'>
      <View className='card__title'>积分明细</View>
      {list.rows.map((e) => (
        <LedgerRow key={e.id} e={e} />
      ))}
      <LoadMore
        id='member-ledger'
        loading={list.loading}
        error={list.error}
        hasMore={!!list.cursor}
        isEmpty={list.rows.length === 0}
        empty='还没有积分记录'
        onMore={() => void list.more()}
      />
    </View>
  )
}
