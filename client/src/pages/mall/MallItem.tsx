import { Image, Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/ActionButton'
import { ShareButton } from '../../components/ShareButton'
import { ErrorLine } from '../../components/StateView'
import { formatPoints } from '../../logic/format'
import { itemView, saleCountdown, tierMark } from '../../logic/mall'
import type { CatalogItem } from '../../services/contract'

interface Props {
  item: CatalogItem
  balance: number
  now: number
  highlighted: boolean
  pending: boolean
  /** The last try's refusal, when it was this item's. */
  error: string | null
  onRedeem: (item: CatalogItem) => void
  onShare: (itemId?: string) => void
}

// One mall item: its picture, points, marks and countdown, the redeem button (inert when out of reach) and its own error.
export function MallItem({ item, balance, now, highlighted, pending, error, onRedeem, onShare }: Props) {
  const v = itemView(item, balance)
  const sale = saleCountdown(item, now)
  const mark = tierMark(item)
  return (
    <View className={`item-block ${highlighted ? 'item--highlight' : ''}`} id={`item-${item.id}`}>
      <View className='item'>
        {item.imageUrl ? (
          <Image className='item__img' id={`item-image-${item.id}`} src={item.imageUrl} mode='aspectFill' />
        ) : (
          <View className='item__icon'>{item.name.slice(0, 1)}</View>
        )}
        <View className='grow item__body'>
          <View className='item__name'>{item.name}</View>
          <View className='item__points'>{formatPoints(item.points)} 积分</View>
          <View className='item__tags'>
            <Text className={`tag ${v.canRedeem ? 'tag--green' : 'tag--gray'}`} id={`note-${item.id}`}>
              {v.note}
            </Text>
            {mark && (
              <Text className='tag tag--gold' id={`tier-${item.id}`}>
                {mark}
              </Text>
            )}
            {sale && (
              <Text className='tag tag--orange' id={`sale-${item.id}`}>
                {sale}
              </Text>
            )}
            <ShareButton className='link-btn' id={`share-${item.id}`} label='分享' itemId={item.id} onShare={onShare} />
          </View>
        </View>
        <ActionButton className='btn btn--small' id={`redeem-${item.id}`} disabled={!v.canRedeem || pending} onClick={() => onRedeem(item)}>
          兑换
        </ActionButton>
      </View>
      <ErrorLine message={error} id={`redeem-error-${item.id}`} />
    </View>
  )
}
