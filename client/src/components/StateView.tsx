import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Remote } from '../hooks/useRemote'
import { Skeleton } from './Skeleton'

interface Props<T> {
  state: Remote<T>
  onRetry?: () => void
  isEmpty?: (data: T) => boolean
  empty?: string
  /** What stands in while loading; grey cards unless the page draws its own shape. */
  skeleton?: ReactNode
  children: (data: T) => ReactNode
}

// Loading (a skeleton), error (with the envelope's message) and empty states, so pages only draw the data.
export function StateView<T>({ state, onRetry, isEmpty, empty = '暂无内容', skeleton, children }: Props<T>) {
  if (state.status === 'loading') return <>{skeleton ?? <Skeleton />}</>
  if (state.status === 'error') {
    return (
      <View className='state state--error'>
        <Text className='error-text'>{state.error.message}</Text>
        {onRetry && (
          <Button className='btn btn--ghost btn--small' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  if (isEmpty?.(state.data)) return <View className='state state--empty'>{empty}</View>
  return <>{children(state.data)}</>
}

export function ErrorLine({ message, id }: { message?: string | null; id?: string }) {
  if (!message) return null
  return (
    <View className='error-line' id={id}>
      {message}
    </View>
  )
}
