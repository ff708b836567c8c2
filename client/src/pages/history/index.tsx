import { Button, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { LedgerRow } from '../../components/LedgerRow'
import { Screen } from '../../components/Screen'
import { Skeleton } from '../../components/Skeleton'
import { ErrorLine } from '../../components/StateView'
import { asPage, usePaged } from '../../hooks/usePaged'
import { call, type ArgsFor } from '../../services/api'

const PAGE_SIZE = 20
type Direction = ArgsFor<'member', 'ledger'>['direction']
const FILTERS: { id: string; label: string; direction: Direction }[] = [
  { id: 'all', label: '全部', direction: undefined },
  { id: 'in', label: '收入', direction: 'in' },
  { id: 'out', label: '支出', direction: 'out' },
]

// Newest first, one page at a time, all entries or only points in or out (filtered by the server).
export default function History() {
  const [direction, setDirection] = useState<Direction>(undefined)
  // a page that comes back after the filter changed belongs to the old filter, and usePaged drops it
  const list = usePaged(
    async (cursor) =>
      asPage(
        await call('member', 'ledger', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(direction ? { direction } : {}) }),
        (d) => d.entries,
      ),
    true,
  )
  const { rows: entries, cursor, loading, error } = list

  useEffect(() => {
    list.reset([], null)
    void list.load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [direction])

  return (
    <Screen id='page-history'>
      <View className='chips' id='history-filter'>
        {FILTERS.map((f) => (
          <View
            key={f.id}
            id={`filter-${f.id}`}
            className={`chip ${f.direction === direction ? 'chip--on' : ''}`}
            onClick={() => setDirection(f.direction)}
          >
            {f.label}
          </View>
        ))}
      </View>
      <View className='card' id='history-list'>
        {entries.map((e) => (
          <LedgerRow key={e.id} e={e} />
        ))}
        {loading && entries.length === 0 && <Skeleton cards={1} id='history-skeleton' />}
        {!loading && !error && entries.length === 0 && (
          <View className='state' id='history-empty'>
            还没有这类积分记录
          </View>
        )}
        <ErrorLine message={error?.message} id='history-error' />
        {(cursor || error || (loading && entries.length > 0)) && (
          <Button
            className='btn btn--ghost'
            id='history-more'
            disabled={loading}
            onClick={() => void list.load(error && !entries.length ? null : cursor)}
          >
            {loading ? '加载中…' : error ? '重试' : '加载更多'}
          </Button>
        )}
        {!loading && !cursor && entries.length > 0 && (
          <View className='muted center' id='history-end'>
            没有更多了
          </View>
        )}
      </View>
    </Screen>
  )
}
