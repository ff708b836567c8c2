import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'
import type { Envelope } from '../../services/contract'
import { ItemForm, type ItemFormProps } from './ItemForm'
import './catalog.css'

// The item, the merchant's time zone (for the sale window) and the tiers (for the minimum tier).
async function loadItem(id: string | undefined): Promise<Envelope<ItemFormProps>> {
  const [rules, items] = await Promise.all([call('store', 'rules'), call('store', 'items')])
  if (!rules.ok) return rules
  if (!items.ok) return items
  const item = id ? (items.data.items.find((i) => i.id === id) ?? null) : null
  if (id && !item) return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个商品，请返回列表重新选择' } }
  const { timeZone, tiers } = rules.data.rules
  return { ok: true, data: { item, timeZone, tiers: tiers.map((t) => ({ value: t.id, label: t.name })) } }
}

export default function ItemEdit() {
  const id = useRouter().params.id
  const { state, reload } = useRemote(() => loadItem(id), [id])
  return (
    <Screen id='page-item-edit'>
      <StateView state={state} onRetry={() => void reload()}>
        {(data) => <ItemForm {...data} />}
      </StateView>
    </Screen>
  )
}
