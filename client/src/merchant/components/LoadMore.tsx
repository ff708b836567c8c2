import { Button, View } from '@tarojs/components'
import { Skeleton } from '../../components/Skeleton'
import { ErrorLine } from '../../components/StateView'
import type { ApiError } from '../../services/contract'

interface Props {
  id: string
  loading: boolean
  error: ApiError | null
  hasMore: boolean
  isEmpty: boolean
  empty: string
  onMore: () => void
}

// The foot of a paged list: a skeleton while loading, the server's message and 重试, 加载更多, or why it is empty.
export function LoadMore({ id, loading, error, hasMore, isEmpty, empty, onMore }: Props) {
  if (loading) return <Skeleton cards={1} />
  return (
    <View>
      <ErrorLine message={error?.message} id={`${id}-error`} />
      {!error && isEmpty && <View className='state'>{empty}</View>}
      {(hasMore || error) && (
        <Button className='btn btn--ghost btn--tall gap-top-small' id={`${id}-more`} onClick={onMore}>
          {error ? '重试' : '加载更多'}
        </Button>
      )}
    </View>
  )
}
