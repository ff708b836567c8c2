import Taro from '@tarojs/taro'
import type { SubscriptionKind } from '../../../shared/api'
import { call, type DataFor } from './api'
import type { Envelope } from './contract'
import { subscriptionKinds } from '../../../shared/subscriptions'

// Template ids come from the merchant's WeChat console, given at build time (TARO_APP_* in client/.env); one per kind.
const TEMPLATES: Record<SubscriptionKind, string> = {
  expiry: process.env.TARO_APP_TMPL_EXPIRY ?? '',
  benefit: process.env.TARO_APP_TMPL_BENEFIT ?? '',
}

// WeChat lets a page ask for subscribe consent only from a tap; the accepted kinds go to the server.
export async function askAndSubscribe(): Promise<Envelope<DataFor<'member', 'subscribe'>>> {
  const ids = Object.values(TEMPLATES).filter(Boolean)
  if (!ids.length) return { ok: false, error: { code: 'INTERNAL', message: '商家尚未配置订阅消息模板' } }
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>
    const accepted = subscriptionKinds.filter((k) => res[TEMPLATES[k]] === 'accept')
    if (!accepted.length) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '未允许订阅消息，可稍后再试' } }
    return call('member', 'subscribe', { kinds: accepted })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '订阅请求未完成，请稍后再试' } }
  }
}
