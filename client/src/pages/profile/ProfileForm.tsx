import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { todayInShanghai } from '../../logic/format'
import { BIRTHDAY_EARLIEST, BIRTHDAY_PICKER_START, changedProfile, formOf, type ProfileFields } from '../../logic/profile'
import { call } from '../../services/api'
import type { Summary } from '../../services/contract'
import { PROFILE_MAX } from '../../../../shared/profile-limits'

interface Props {
  summary: Summary
  onSaved: () => void
}

// The profile: nickname, birthday (set once, asked to confirm) and address, each first fill paying the merchant's bonus.
export function ProfileForm({ summary, onSaved }: Props) {
  const [form, setForm] = useState<ProfileFields>(() => formOf(summary))
  const save = useMutation((_id, f: ProfileFields) => call('member', 'updateProfile', changedProfile(f)))
  const bonus = summary.display.profile
  const birthdaySet = summary.profile.birthday !== null

  // what the server holds wins: after a save, and after a refusal (the rejected value goes back to the stored one)
  useEffect(() => setForm(formOf(summary)), [summary])

  const onSave = async () => {
    if (!birthdaySet && form.birthday && !(await confirmBirthday(form.birthday))) return
    const env = await save.submit(form)
    onSaved()
    if (!env?.ok) return
    await Taro.showToast({ title: env.data.awarded > 0 ? `已保存，+${env.data.awarded} 积分` : '已保存', icon: 'success' })
  }

  return (
    <View className='card' id='profile-form'>
      <View className='card__title'>
        个人资料<Text className='card__hint'>完善资料得积分</Text>
      </View>
      <View className='field'>
        <Text className='field__label'>昵称</Text>
        <Input
          className='field__input'
          id='nickname'
          value={form.nickname}
          maxlength={PROFILE_MAX.nickname}
          placeholder='你的昵称'
          onInput={(e) => setForm({ ...form, nickname: e.detail.value })}
        />
        <Text className='field__count' id='nickname-count'>
          {form.nickname.length}/{PROFILE_MAX.nickname}
        </Text>
      </View>
      <View className='field'>
        <Text className='field__label'>生日</Text>
        {birthdaySet ? (
          <View className='field__input ellipsis' id='birthday'>
            {form.birthday}
          </View>
        ) : (
          <Picker
            className='field__input'
            mode='date'
            value={form.birthday || BIRTHDAY_PICKER_START}
            start={BIRTHDAY_EARLIEST}
            end={todayInShanghai()}
            onChange={(e) => setForm({ ...form, birthday: String(e.detail.value) })}
          >
            <View className='ellipsis' id='birthday'>
              {form.birthday || '请选择'}
            </View>
          </Picker>
        )}
        <Text className='field__bonus' id='birthday-bonus'>
          {summary.profile.birthdayAwarded ? '已领取' : `+${bonus.birthday}`}
        </Text>
      </View>
      <View className='field'>
        <Text className='field__label'>地址</Text>
        <Input
          className='field__input'
          id='address'
          value={form.address}
          maxlength={PROFILE_MAX.address}
          placeholder='收货地址'
          onInput={(e) => setForm({ ...form, address: e.detail.value })}
        />
        <Text className='field__bonus' id='address-bonus'>
          {summary.profile.addressAwarded ? '已领取' : `+${bonus.address}`}
        </Text>
      </View>
      <View className='field__count field__count--below' id='address-count'>
        {form.address.length}/{PROFILE_MAX.address}
      </View>
      <View className='muted gap-top-small gap-bottom' id='profile-bonus-note'>
        {birthdaySet ? '生日设置后不能修改。' : '生日保存后不能修改，请仔细核对。'}首次填写生日得 {bonus.birthday} 积分，地址得 {bonus.address}{' '}
        积分（每项一次）。
      </View>
      <ActionButton className='btn' id='profile-save' disabled={save.pending} onClick={() => void onSave()}>
        {save.pending ? '保存中…' : '保存'}
      </ActionButton>
      <ErrorLine message={save.error?.message} id='profile-error' />
    </View>
  )
}

// A birthday cannot be changed once saved: the shopper confirms it first.
async function confirmBirthday(birthday: string): Promise<boolean> {
  const res = await Taro.showModal({
    title: '生日保存后不能修改',
    content: `确认你的生日是 ${birthday} 吗？`,
    confirmText: '确认保存',
    cancelText: '再看看',
  })
  return res.confirm
}
