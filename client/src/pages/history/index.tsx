import { Button, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { LedgerRow } from '../../components/LedgerRow'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { call } from '../../services/api'
import type { ApiError, LedgerEntry } from '../../services/contract'

const PAGE_SIZE = 20

// Newest first, one page at a time; the cursor from each answer fetches the next page.
export default function History() {
  const [entries, setEntries] = useState<LedgerEntry[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const loadMore = async (from: string | null) => {
    setLoading(true)
    setError(null)
    const env = await call('member', 'ledger', from ? { cursor: from, limit: PAGE_SIZE } : { limit: PAGE_SIZE })
    setLoading(false)
    setLoaded(true)
    if (!env.ok) return setError(env.error)
    setEntries((prev) => (from ? [...prev, ...env.data.entries] : env.data.entries))
    setCursor(env.data.nextCursor ?? null)
  }

  useEffect(() => {
    void loadMore(null)
  }, [])

  return (
    <Screen id='page-history'>
      <View className='card'>
        <View className='card__title'>积分明细</View>
        {entries.map((e) => <LedgerRow key={e.id} e={e} />)}
        {!loading && loaded && !error && entries.length === 0 && <View className='state'>还没有积分记录</View>}
        {loading && <View className='state'>加载中…</View>}
        <ErrorLine message={error?.message} id='history-error' />
        {!loading && (cursor || error) && (
          <Button className='btn btn--ghost' id='history-more' onClick={() => void loadMore(error && !entries.length ? null : cursor)}>
            {error ? '重试' : '加载更多'}
          </Button>
        )}
        {!loading && loaded && !cursor && entries.length > 0 && <View className='muted center'>没有更多了</View>}
      </View>
    </Screen>
  )
}
