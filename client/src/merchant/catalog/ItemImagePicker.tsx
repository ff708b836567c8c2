import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { imagePathOf } from '../../logic/item-form'
import { uploadFile } from '../../services/transport'

interface Props {
  itemId: string
  /** What to show: the picture just chosen, or the stored one's link. */
  preview: string | null
  onUploaded: (fileID: string, preview: string) => void
  onRemove: () => void
}

// The item's picture: choose one from the album or camera, store it in cloud storage, and show it at once.
export function ItemImagePicker({ itemId, preview, onUploaded, onRemove }: Props) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const onChoose = async () => {
    setError(null)
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null)
    const path = picked?.tempFilePaths[0]
    if (!picked || !path) return
    setPending(true)
    const mime = (picked.tempFiles[0] as { originalFileObj?: Blob } | undefined)?.originalFileObj?.type
    const env = await uploadFile(path, imagePathOf(itemId, path, mime, Date.now()))
    setPending(false)
    if (env.ok) onUploaded(env.data.fileID, path)
    else setError(env.error.message)
  }

  return (
    <View id='item-image'>
      <View className='item-image'>
        {preview ? (
          <Image className='item-image__preview' id='item-image-preview' src={preview} mode='aspectFill' />
        ) : (
          <View className='item-image__empty'>暂无图片</View>
        )}
        <View className='grow'>
          <ActionButton className='btn btn--ghost btn--small' id='item-image-choose' disabled={pending} onClick={() => void onChoose()}>
            {pending ? '上传中…' : preview ? '更换图片' : '上传图片'}
          </ActionButton>
          {preview && (
            <View className='link-btn item-image__remove' id='item-image-remove' onClick={onRemove}>
              不用图片
            </View>
          )}
        </View>
      </View>
      <ErrorLine message={error} id='item-image-error' />
    </View>
  )
}
