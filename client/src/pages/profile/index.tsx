import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { formatPoints, todayInShanghai } from '../../logic/format'
import { call, type DataFor } from '../../services/api'
import { subscriptionKinds } from '../../../../shared/schemas'
import type { Envelope } from '../../services/contract'

// Template ids come from the merchant's WeChat console, given at build time (TARO_APP_* in client/.env).
const SUBSCRIBE_TEMPLATES: Record<string, string> = {
  expiry: process.env.TARO_APP_TMPL_EXPIRY ?? '',
  benefit: process.env.TARO_APP_TMPL_BENEFIT ?? '',
}

interface Form { nickname: string; birthday: string; address: string }

export default function Profile() {
  const { state, reload } = useRemote(() => call('member', 'summary'))
  const [form, setForm] = useState<Form>({ nickname: '', birthday: '', address: '' })
  const [saved, setSaved] = useState<string | null>(null)
  const [subscribed, setSubscribed] = useState<string | null>(null)
  const save = useMutation((_id, f: Form) => call('member', 'updateProfile', changed(f)))
  const subscribe = useMutation((_id) => askAndSubscribe())

  useEffect(() => {
    if (state.status !== 'ready') return
    const s = state.data
    setForm({ nickname: s.nickname ?? '', birthday: s.profile?.birthday ?? '', address: s.profile?.address ?? '' })
  }, [state])

  const onSave = async () => {
    const env = await save.submit(form)
    if (!env?.ok) return
    setSaved(env.data.awarded > 0 ? `已保存，获得 +${env.data.awarded} 积分，当前 ${formatPoints(env.data.balance)}` : '已保存')
    void reload(true)
  }
  const onSubscribe = async () => {
    const env = await subscribe.submit()
    if (env?.ok) setSubscribed('已订阅积分到期与会员权益提醒')
  }

  return (
    <Screen id='page-profile'>
      <StateView state={state} onRetry={() => void reload()}>
        {(summary) => (
          <View>
            <View className='card'>
              <View className='card__title'>个人资料<Text className='card__hint'>完善资料得积分</Text></View>
              <View className='field'>
                <Text className='field__label'>昵称</Text>
                <Input className='field__input' id='nickname' value={form.nickname} maxlength={20} placeholder='你的昵称'
                  onInput={(e) => setForm({ ...form, nickname: e.detail.value })} />
              </View>
              <View className='field'>
                <Text className='field__label'>生日</Text>
                <Picker mode='date' value={form.birthday || '2000-01-01'} end={todayInShanghai()}
                  onChange={(e) => setForm({ ...form, birthday: String(e.detail.value) })}>
                  <View className='field__input' id='birthday'>{form.birthday || '请选择'}</View>
                </Picker>
                <Text className='field__bonus' id='birthday-bonus'>{summary.profile?.birthdayAwarded ? '已领取' : '+50'}</Text>
              </View>
              <View className='field'>
                <Text className='field__label'>地址</Text>
                <Input className='field__input' id='address' value={form.address} maxlength={100} placeholder='收货地址'
                  onInput={(e) => setForm({ ...form, address: e.detail.value })} />
                <Text className='field__bonus' id='address-bonus'>{summary.profile?.addressAwarded ? '已领取' : '+30'}</Text>
              </View>
              <View className='muted gap-top-small gap-bottom'>生日、地址首次填写分别奖励 50、30 积分（每项一次）。</View>
              <ActionButton className='btn' id='profile-save' disabled={save.pending} onClick={() => void onSave()}>
                {save.pending ? '保存中…' : '保存'}
              </ActionButton>
              {saved && <View className='success-line' id='profile-saved'>{saved}</View>}
              <ErrorLine message={save.error?.message} id='profile-error' />
            </View>
            <View className='card'>
              <View className='card__title'>消息提醒</View>
              <View className='muted gap-bottom'>积分到期前 7、3、1 天提醒你，生日与等级权益到账时通知你。</View>
              <ActionButton className='btn btn--ghost' id='subscribe-btn' disabled={subscribe.pending} onClick={() => void onSubscribe()}>
                订阅提醒
              </ActionButton>
              {subscribed && <View className='success-line' id='subscribed'>{subscribed}</View>}
              <ErrorLine message={subscribe.error?.message} />
            </View>
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function changed(f: Form): Partial<Form> {
  const out: Partial<Form> = {}
  if (f.nickname.trim()) out.nickname = f.nickname.trim()
  if (f.birthday) out.birthday = f.birthday
  if (f.address.trim()) out.address = f.address.trim()
  return out
}

// WeChat lets a page ask for subscribe consent only from a tap; the accepted kinds go to the server.
async function askAndSubscribe(): Promise<Envelope<DataFor<'member', 'subscribe'>>> {
  const kinds = [...subscriptionKinds]
  if (process.env.TARO_ENV !== 'weapp') return call('member', 'subscribe', { kinds })
  const ids = Object.values(SUBSCRIBE_TEMPLATES).filter(Boolean)
  if (!ids.length) return { ok: false, error: { code: 'INTERNAL', message: '商家尚未配置订阅消息模板' } }
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>
    const accepted = kinds.filter((k) => res[SUBSCRIBE_TEMPLATES[k] ?? ''] === 'accept')
    if (!accepted.length) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '未允许订阅消息，可稍后再试' } }
    return call('member', 'subscribe', { kinds: accepted })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '订阅请求未完成，请稍后再试' } }
  }
}
