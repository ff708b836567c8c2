import { View } from '@tarojs/components'

// Grey bars where content is on its way, so the page keeps its shape instead of saying 加载中….
export function Skeleton({ rows = 3, id }: { rows?: number; id?: string }) {
  return (
    <View className='skeleton' id={id} aria-busy='true'>
      {Array.from({ length: rows }, (_, i) => <View key={i} className={`skeleton__bar ${i === 0 ? 'skeleton__bar--wide' : ''}`} />)}
    </View>
  )
}
