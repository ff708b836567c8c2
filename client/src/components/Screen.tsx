import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { IdentityBar } from './IdentityBar'

// Every page's frame: the identity switcher on local H5, then the page's cards.
export function Screen({ id, children }: PropsWithChildren<{ id: string }>) {
  return (
    <View className='screen' id={id}>
      <IdentityBar />
      <View className='screen__body'>{children}</View>
    </View>
  )
}
