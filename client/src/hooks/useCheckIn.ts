import Taro from '@tarojs/taro'
import { checkInReward } from '../logic/streak'
import { call, type DataFor } from '../services/api'
import type { Summary } from '../services/contract'
import { useMutation } from './useMutation'

type Checked = DataFor<'checkin', 'checkIn'>

// Today's check-in from any page: one request at a time, then the reward in a pop-up once the page has updated.
export function useCheckIn(rules: Summary['display']['checkIn'] | null, onChecked: (data: Checked) => void) {
  const mutation = useMutation(() => call('checkin', 'checkIn'))
  const checkIn = async () => {
    const env = await mutation.submit()
    if (!env?.ok) return
    onChecked(env.data)
    const content = rules ? checkInReward(env.data.awarded, env.data.bonus, rules) : `+${env.data.awarded} 积分`
    await Taro.showModal({ title: '签到成功', content, showCancel: false, confirmText: '好的' })
  }
  return { checkIn, pending: mutation.pending, error: mutation.error?.message ?? null }
}
