import { View } from '@tarojs/components'

// Grey blocks in the shape of cards while a page loads, instead of a bare 加载中….
export function Skeleton({ cards = 2, id }: { cards?: number; id?: string }) {
  return (
    <View className='skeleton' id={id} aria-busy='true'>
      {Array.from({ length: cards }, (_, i) => (
        <View className='card' key={i}>
          <View className='skeleton__line skeleton__line--title' />
          <View className='skeleton__line' />
          <View className='skeleton__line skeleton__line--short' />
        </View>
      ))}
    </View>
  )
}
