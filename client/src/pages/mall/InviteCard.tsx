import { Text, View } from '@tarojs/components'
import { ShareButton } from '../../components/ShareButton'
import { ErrorLine } from '../../components/StateView'
import { formatPoints } from '../../logic/format'

interface Props {
  reward: number
  link: string | null
  error?: string
  onShare: (itemId?: string) => void
}

// Inviting a friend: the reward comes from the merchant's rules; on H5 the link is made to be copied.
export function InviteCard({ reward, link, error, onShare }: Props) {
  return (
    <View className='card'>
      <View className='card__title'>
        邀请好友
        {reward > 0 && <Text className='card__hint'>好友打开后你得 +{formatPoints(reward)} 积分</Text>}
      </View>
      <ShareButton className='btn btn--ghost' id='share-btn' label='分享给好友' onShare={onShare} />
      {link && (
        <View className='success-line' id='share-link'>
          链接已复制：{link}
        </View>
      )}
      <ErrorLine message={error} />
    </View>
  )
}
