import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { askAndSubscribe } from '../../services/subscribe'

// Consent to the expiry and benefit reminders, asked from a tap as WeChat requires.
export function SubscribeCard() {
  const subscribe = useMutation((_id) => askAndSubscribe())
  const onSubscribe = async () => {
    const env = await subscribe.submit()
    if (env?.ok) await Taro.showToast({ title: '已订阅提醒', icon: 'success' })
  }
  return (
    <View className='card'>
      <View className='card__title'>消息提醒</View>
      <View className='muted gap-bottom'>积分快到期时提醒你，生日与等级权益到账时通知你。</View>
      <ActionButton className='btn btn--ghost' id='subscribe-btn' disabled={subscribe.pending} onClick={() => void onSubscribe()}>
        订阅提醒
      </ActionButton>
      <ErrorLine message={subscribe.error?.message} id='subscribe-error' />
    </View>
  )
}
