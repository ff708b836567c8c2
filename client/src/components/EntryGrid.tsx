import { Text, View } from '@tarojs/components'
import type { Entry } from '../logic/nav'
import { go } from '../services/navigate'

// A grid of entries to other pages, each a large enough target to tap.
export function EntryGrid({ entries, id }: { entries: Entry[]; id?: string }) {
  return (
    <View className='card'>
      <View className='grid' id={id}>
        {entries.map((e) => (
          <View className='grid__item' key={e.id} id={`link-${e.id}`} onClick={() => go(e.url)}>
            <View className='grid__icon'>{e.icon}</View>
            <Text className='ellipsis'>{e.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
