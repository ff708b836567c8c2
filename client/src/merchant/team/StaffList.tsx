import { Button, Text, View } from '@tarojs/components'
import { StateView } from '../../components/StateView'
import { ErrorLine } from '../../components/StateView'
import type { Remote } from '../../hooks/useRemote'
import { useMutation } from '../../hooks/useMutation'
import { formatDate } from '../../logic/format'
import { ROLE_LABELS } from '../../logic/invite'
import { call, type DataFor } from '../../services/api'
import { confirmed, toastDone } from '../components/confirm'

type Staff = DataFor<'store', 'staffList'>['staff']

// Everyone who works the counter or the back office; removing one asks first, and the server keeps the last 店长.
export function StaffList({ state, onChanged, onRetry }: { state: Remote<{ staff: Staff }>; onChanged: () => void; onRetry: () => void }) {
  const remove = useMutation((_id, openid: string) => call('store', 'removeStaff', { openid }))
  const onRemove = async (s: Staff[number]) => {
    remove.setError(null)
    if (!(await confirmed('移除店员', `确定移除${ROLE_LABELS[s.role]}「${s.name || '未命名'}」？移除后不能再使用店员功能。`))) return
    const env = await remove.submit(s.openid)
    if (!env?.ok) return
    toastDone('已移除')
    onChanged()
  }
  return (
    <View className='card' id='staff-list'>
      <View className='card__title'>店员</View>
      <ErrorLine message={remove.error?.message} id='staff-remove-error' />
      <StateView state={state} onRetry={onRetry} isEmpty={(d) => d.staff.length === 0} empty='还没有店员'>
        {(d) =>
          d.staff.map((s) => (
            <View className='member-row staff-row' key={s.openid} data-openid={s.openid}>
              <View>
                <View className='item__name'>
                  {s.name || '未命名'} <Text className={`tag ${s.role === 'admin' ? 'tag--orange' : 'tag--green'}`}>{ROLE_LABELS[s.role]}</Text>
                </View>
                <View className='muted'>{s.since ? `${formatDate(s.since)} 加入` : '加入时间未知'}</View>
              </View>
              <Button className='btn btn--ghost btn--small tap' id={`remove-${s.openid}`} disabled={remove.pending} onClick={() => void onRemove(s)}>
                移除
              </Button>
            </View>
          ))
        }
      </StateView>
    </View>
  )
}
