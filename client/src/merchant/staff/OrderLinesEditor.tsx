import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import type { LineRow } from '../../logic/till'

interface Props {
  rows: LineRow[]
  onChange: (rows: LineRow[]) => void
}

// Splitting the order for campaigns on some goods: each line a goods category (the owner's campaign tag) and its amount.
export function OrderLinesEditor({ rows, onChange }: Props) {
  const edit = (i: number, patch: Partial<LineRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <View className='gap-bottom' id='order-lines'>
      {rows.map((r, i) => (
        <View className='row order-line' key={i}>
          <Input
            className='input-box grow'
            id={`line-tag-${i}`}
            value={r.tag}
            placeholder='商品类别'
            onInput={(e) => edit(i, { tag: e.detail.value })}
          />
          <Input
            className='input-box order-line__amount'
            id={`line-amount-${i}`}
            type='digit'
            value={r.yuan}
            placeholder='金额（元）'
            onInput={(e) => edit(i, { yuan: e.detail.value })}
          />
          <Text className='link-btn order-line__remove' onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            删除
          </Text>
        </View>
      ))}
      <ActionButton className='btn btn--ghost btn--small' id='add-line-btn' onClick={() => onChange([...rows, { tag: '', yuan: '' }])}>
        分项（参加商品活动）
      </ActionButton>
    </View>
  )
}
