import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { CampaignBanner } from '../../components/CampaignBanner'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useNow } from '../../hooks/usePolling'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { useRemote } from '../../hooks/useRemote'
import { useShareOpen } from '../../hooks/useShareOpen'
import { formatPoints } from '../../logic/format'
import { onSaleAt, recommendation, redeemQuestion } from '../../logic/mall'
import { ROUTES } from '../../logic/nav'
import { sharedItemId, sharePath, shareTitle } from '../../logic/share'
import { call } from '../../services/api'
import type { CatalogItem, Envelope, Summary } from '../../services/contract'
import { InviteCard } from './InviteCard'
import { LotteryCard } from './LotteryCard'
import { MallItem } from './MallItem'
import './mall.css'

interface MallData {
  items: CatalogItem[]
  summary: Summary
}

async function loadMall(): Promise<Envelope<MallData>> {
  // login, not summary: a friend opening a shared link may not be a member yet.
  const [summary, catalog] = await Promise.all([call('member', 'login'), call('exchange', 'catalog')])
  if (!catalog.ok) return catalog
  if (!summary.ok) return summary
  return { ok: true, data: { items: catalog.data.items, summary: summary.data } }
}

export default function Mall() {
  const { state, reload, setData } = useRemote(loadMall)
  const lottery = useRemote(() => call('exchange', 'lottery'))
  const redeem = useMutation((requestId, itemId: string) => call('exchange', 'redeem', { itemId, requestId }))
  const [tried, setTried] = useState<string | null>(null)
  const [redeemed, setRedeemed] = useState(false)
  const [shareLink, setShareLink] = useState<string | null>(null)
  const share = useMutation((_id, itemId?: string) => call('share', 'create', itemId ? { itemId } : {}))
  const highlighted = useRouter().params.itemId
  const hasSale = state.status === 'ready' && state.data.items.some((i) => i.saleEnd)
  const now = useNow(1000, hasSale)
  useShareOpen(state.status === 'ready')
  // A tab stays mounted: back on it, the balance, the items, today's campaign and the prizes are read again.
  useRefreshOnReturn(() => Promise.all([reload(true), lottery.reload(true)]))

  // WeChat waits up to 3 s for the promise, so the share id is made only when the shopper shares.
  useShareAppMessage((res) => {
    const itemId = sharedItemId(res)
    const item = state.status === 'ready' ? state.data.items.find((i) => i.id === itemId) : undefined
    const base = { title: shareTitle(item?.name), path: sharePath(null, itemId) }
    const promise = call('share', 'create', itemId ? { itemId } : {}).then((env) =>
      env.ok ? { ...base, path: sharePath(env.data.shareId, itemId) } : base,
    )
    return { ...base, promise }
  })

  const setBalance = (balance: number) => setData((d) => ({ ...d, summary: { ...d.summary, balance } }))

  // Each try clears the last outcome; the answer shows as a toast, or beside the item it was for.
  const onRedeem = async (item: CatalogItem) => {
    setTried(null)
    setRedeemed(false)
    redeem.setError(null)
    const { confirm } = await Taro.showModal({ title: '确认兑换', content: redeemQuestion(item), confirmText: '兑换', cancelText: '再想想' })
    if (!confirm) return
    setTried(item.id)
    const env = await redeem.submit(item.id)
    if (!env?.ok) return
    setRedeemed(true)
    void Taro.showToast({ title: '兑换成功', icon: 'success' })
    setData((d) => ({
      summary: { ...d.summary, balance: env.data.balance },
      items: d.items.map((i) => (i.id === item.id ? { ...i, stock: i.stock - 1 } : i)),
    }))
  }

  const onShareH5 = async (itemId?: string) => {
    const env = await share.submit(itemId)
    if (!env?.ok) return
    const link = `${window.location.origin}/#${sharePath(env.data.shareId, itemId)}`
    setShareLink(link)
    void Taro.setClipboardData({ data: link }).catch(() => undefined)
  }

  return (
    <Screen id='page-mall'>
      <StateView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty='商城暂无商品'>
        {({ items, summary }) => (
          <View>
            <CampaignBanner campaigns={summary.campaigns} />
            <View className='card'>
              <View className='row'>
                <Text className='muted'>我的积分</Text>
                <Text className='item__points' id='mall-balance'>
                  {formatPoints(summary.balance)}
                </Text>
              </View>
              {recommendation(summary.balance, items) && (
                <View className='muted' id='mall-recommendation'>
                  {recommendation(summary.balance, items)}
                </View>
              )}
              {redeemed && (
                <View className='link-line' id='redeem-success' onClick={() => void Taro.navigateTo({ url: ROUTES.vouchers })}>
                  券已放入我的券，去看看 ›
                </View>
              )}
            </View>
            <View className='card'>
              <View className='card__title'>积分兑换</View>
              {items
                .filter((i) => onSaleAt(i, now))
                .map((item) => (
                  <MallItem
                    key={item.id}
                    item={item}
                    balance={summary.balance}
                    now={now}
                    highlighted={highlighted === item.id}
                    pending={redeem.pending}
                    error={tried === item.id ? (redeem.error?.message ?? null) : null}
                    onRedeem={(i) => void onRedeem(i)}
                    onShare={(id) => void onShareH5(id)}
                  />
                ))}
            </View>
            <LotteryCard remote={lottery} balance={summary.balance} onBalance={setBalance} />
            <InviteCard reward={summary.display.share.reward} link={shareLink} error={share.error?.message} onShare={(id) => void onShareH5(id)} />
          </View>
        )}
      </StateView>
    </Screen>
  )
}
