import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { groupCode } from '../logic/codes'
import { qrDataUrl } from '../logic/qr'

// The code as a QR image (a GIF data URL works on weapp and H5) with the text beneath for typing, in groups of four, unless the page writes it itself.
export function QrCode({ value, id, showText = true }: { value: string; id?: string; showText?: boolean }) {
  const src = useMemo(() => qrDataUrl(value), [value])
  return (
    <View className='qr' id={id}>
      <Image className='qr__img' src={src} mode='aspectFit' />
      {showText && (
        <Text className='qr__text' selectable>
          {groupCode(value)}
        </Text>
      )}
    </View>
  )
}
