import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../logic/nav'

const ENTRIES = [
  { id: 'rules', label: '规则设置', icon: '规', url: ROUTES.rules },
  { id: 'catalog', label: '商品管理', icon: '商', url: ROUTES.catalog },
  { id: 'members', label: '会员管理', icon: '会', url: ROUTES.members },
  { id: 'team', label: '店员管理', icon: '员', url: ROUTES.team },
  { id: 'audit', label: '操作记录', icon: '记', url: null },
  { id: 'export', label: '导出数据', icon: '导', url: ROUTES.exportData },
]

// The owner's way to every back-office page; 操作记录 is on this page, further down.
export function HubGrid({ onAudit }: { onAudit: () => void }) {
  return (
    <View className='card hub-grid' id='hub-grid'>
      {ENTRIES.map((e) => (
        <View key={e.id} className='hub-grid__item' id={`hub-${e.id}`} onClick={() => (e.url ? void Taro.navigateTo({ url: e.url }) : onAudit())}>
          <View className='hub-grid__inner'>
            <View className='hub-grid__icon'>{e.icon}</View>
            {e.label}
          </View>
        </View>
      ))}
    </View>
  )
}
