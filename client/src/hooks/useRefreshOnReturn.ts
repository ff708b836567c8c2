import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

// A page shown again (a tab switched back to, the page above closed) reloads quietly, so what changed meanwhile shows.
export function useRefreshOnReturn(refresh: () => Promise<unknown>): void {
  const firstShow = useRef(true)
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void refresh()
  })
}
