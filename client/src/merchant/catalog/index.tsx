import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { useRemote } from '../../hooks/useRemote'
import { ROUTES } from '../../logic/nav'
import { itemLine, itemStatus } from '../../logic/owner-items'
import { call } from '../../services/api'
import './catalog.css'

const editUrl = (id?: string) => (id ? `${ROUTES.itemEdit}?id=${encodeURIComponent(id)}` : ROUTES.itemEdit)

// Every mall item, retired ones too; each opens its edit form.
export default function Catalog() {
  const { state, reload } = useRemote(() => call('store', 'items'))
  // back from the edit form: show what was saved
  useRefreshOnReturn(() => reload(true))
  const now = new Date()
  return (
    <Screen id='page-catalog'>
      <Button className='btn gap-bottom' id='item-new' onClick={() => void Taro.navigateTo({ url: editUrl() })}>
        新增商品
      </Button>
      <StateView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty='还没有商品，点上方新增'>
        {(d) => (
          <View className='card'>
            {d.items.map((item) => {
              const status = itemStatus(item, now)
              return (
                <View
                  className='item owner-item'
                  key={item.id}
                  id={`owner-item-${item.id}`}
                  onClick={() => void Taro.navigateTo({ url: editUrl(item.id) })}
                >
                  {item.imageUrl ? (
                    <Image className='owner-item__image' src={item.imageUrl} mode='aspectFill' />
                  ) : (
                    <View className='item__icon'>{item.name.slice(0, 1)}</View>
                  )}
                  <View className='grow'>
                    <View className='item__name'>{item.name}</View>
                    <View className='muted owner-item__line'>{itemLine(item)}</View>
                    <Text className={`tag tag--${status.tone}`}>{status.label}</Text>
                  </View>
                  <Text className='owner-item__edit'>编辑 ›</Text>
                </View>
              )
            })}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
