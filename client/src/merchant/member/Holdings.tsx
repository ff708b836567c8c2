import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { formatDate, formatDateTime, formatPoints, formatYuan } from '../../logic/format'
import { voucherStatus } from '../../logic/mall'
import { purchaseStage } from '../../logic/till'
import type { DataFor } from '../../services/api'

type Detail = DataFor<'store', 'memberDetail'>

function Section({ id, title, empty, count, children }: PropsWithChildren<{ id: string; title: string; empty: string; count: number }>) {
  return (
    <View className='card' id={id}>
      <View className='card__title'>{title}</View>
      {count === 0 ? <View className='state'>{empty}</View> : children}
    </View>
  )
}

// Points by expiry date, soonest first: what will expire when.
export function Lots({ lots }: { lots: Detail['lots'] }) {
  return (
    <Section id='member-lots' title='积分有效期' empty='没有可用积分' count={lots.length}>
      {lots.map((l) => (
        <View className='list-item' key={l.expiresAt}>
          <Text>{formatDate(l.expiresAt)} 到期</Text>
          <Text className='item__points'>{formatPoints(l.points)}</Text>
        </View>
      ))}
    </Section>
  )
}

export function Vouchers({ vouchers }: { vouchers: Detail['vouchers'] }) {
  return (
    <Section id='member-vouchers' title='券' empty='还没有兑换过券' count={vouchers.length}>
      {vouchers.map((v) => {
        const s = voucherStatus(v.status)
        return (
          <View className='list-item' key={v.code}>
            <View>
              <View>{v.name}</View>
              <View className='muted'>
                {formatDateTime(v.createdAt)} 兑换 · {formatPoints(v.points)} 积分
              </View>
            </View>
            <Text className={`tag tag--${s.tone}`}>{s.label}</Text>
          </View>
        )
      })}
    </Section>
  )
}

export function Purchases({ purchases }: { purchases: Detail['purchases'] }) {
  return (
    <Section id='member-purchases' title='消费记录' empty='还没有消费记录' count={purchases.length}>
      {purchases.map((p) => {
        const stage = purchaseStage(p.status)
        return (
          <View className='list-item' key={p.orderId}>
            <View>
              <View>订单 {p.orderId}</View>
              <View className='muted'>
                {p.claimedAt ? formatDateTime(p.claimedAt) : ''} · 实付 {formatYuan(p.payFen)} · 获得 {formatPoints(p.awarded)} 积分
              </View>
            </View>
            <Text className={`tag tag--${stage.tone}`}>{stage.label}</Text>
          </View>
        )
      })}
    </Section>
  )
}
