import { useEffect, useRef } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../services/api'

// A page opened from a friend's share carries ?shareId=; opening it once rewards the sharer.
export function useShareOpen(ready: boolean) {
  const { params } = useRouter()
  const done = useRef(false)
  const shareId = params.shareId
  useEffect(() => {
    if (!ready || !shareId || done.current) return
    done.current = true
    void call('share', 'open', { shareId }).then((env) => {
      if (env.ok && env.data.rewarded) void Taro.showToast({ title: '已为好友助力', icon: 'success' })
    })
  }, [ready, shareId])
}
