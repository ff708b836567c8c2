import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { call, type DataFor } from '../../services/api'
import type { Envelope } from '../../services/contract'
import type { SubscriptionKind } from '../../../../shared/api'

// Template ids come from the merchant's WeChat console, given at build time (TARO_APP_* in client/.env); one per kind.
const SUBSCRIBE_TEMPLATES: Record<SubscriptionKind, string> = {
  expiry: process.env.TARO_APP_TMPL_EXPIRY ?? '',
  benefit: process.env.TARO_APP_TMPL_BENEFIT ?? '',
}

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

// WeChat lets a page ask for subscribe consent only from a tap; the accepted kinds go to the server.
async function askAndSubscribe(): Promise<Envelope<DataFor<'member', 'subscribe'>>> {
  // the kinds from the templates' keys, not the schemas: the schemas bring zod into the main package
  const kinds = Object.keys(SUBSCRIBE_TEMPLATES) as SubscriptionKind[]
  if (process.env.TARO_ENV !== 'weapp') return call('member', 'subscribe', { kinds })
  const ids = Object.values(SUBSCRIBE_TEMPLATES).filter(Boolean)
  if (!ids.length) return { ok: false, error: { code: 'INTERNAL', message: '商家尚未配置订阅消息模板' } }
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>
    const accepted = kinds.filter((k) => res[SUBSCRIBE_TEMPLATES[k]] === 'accept')
    if (!accepted.length) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '未允许订阅消息，可稍后再试' } }
    return call('member', 'subscribe', { kinds: accepted })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '订阅请求未完成，请稍后再试' } }
  }
}
