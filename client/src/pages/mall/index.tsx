import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { useShareOpen } from '../../hooks/useShareOpen'
import { formatPoints } from '../../logic/format'
import { itemView, recommendation } from '../../logic/mall'
import { ROUTES } from '../../logic/nav'
import { sharedItemId, sharePath, shareTitle } from '../../logic/share'
import { call } from '../../services/api'
import type { CatalogItem, Envelope, Summary } from '../../services/contract'

interface MallData { items: CatalogItem[]; balance: number; display: Summary['display'] }

const ICONS: Record<string, string> = { free_delivery: '送', coffee: '咖', coupon_10: '券', video_month: '影' }

async function loadMall(): Promise<Envelope<MallData>> {
  // login, not summary: a friend opening a shared link may not be a member yet.
  const [summary, catalog] = await Promise.all([call('member', 'login'), call('exchange', 'catalog')])
  if (!catalog.ok) return catalog
  if (!summary.ok) return summary
  return { ok: true, data: { items: catalog.data.items, balance: summary.data.balance, display: summary.data.display } }
}

export default function Mall() {
  const { state, reload, setData } = useRemote(loadMall)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [shareLink, setShareLink] = useState<string | null>(null)
  const redeem = useMutation((requestId, itemId: string) => call('exchange', 'redeem', { itemId, requestId }))
  const draw = useMutation((requestId) => call('exchange', 'draw', { requestId }))
  const [prize, setPrize] = useState<string | null>(null)
  useShareOpen(state.status === 'ready')

  const share = useMutation((_id, itemId?: string) => call('share', 'create', itemId ? { itemId } : {}))
  const highlighted = useRouter().params.itemId
  // WeChat waits up to 3 s for the promise, so the share id is made only when the shopper shares.
  useShareAppMessage((res) => {
    const itemId = sharedItemId(res)
    const item = state.status === 'ready' ? state.data.items.find((i) => i.id === itemId) : undefined
    const base = { title: shareTitle(item?.name), path: sharePath(null, itemId) }
    const promise = call('share', 'create', itemId ? { itemId } : {}).then((env) => (env.ok ? { ...base, path: sharePath(env.data.shareId, itemId) } : base))
    return { ...base, promise } as typeof base
  })

  const onConfirm = async (item: CatalogItem) => {
    const env = await redeem.submit(item.id)
    if (!env) return
    setConfirming(null)
    if (env.ok) {
      setDone(`已兑换「${item.name}」，券已放入我的券`)
      setData((d) => ({
        ...d,
        balance: env.data.balance,
        items: d.items.map((i) => (i.id === item.id ? { ...i, stock: i.stock - 1 } : i)),
      }))
    } else setDone(null)
  }

  const onDraw = async () => {
    const env = await draw.submit()
    if (!env?.ok) return setPrize(null)
    setPrize(env.data.prize.name)
    setData((d) => ({ ...d, balance: env.data.balance }))
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
        {(d) => (
          <View>
            <View className='card'>
              <View className='row'>
                <Text className='muted'>我的积分</Text>
                <Text className='item__points' id='mall-balance'>{formatPoints(d.balance)}</Text>
              </View>
              {recommendation(d.balance, d.items) && <View className='muted' id='mall-recommendation'>{recommendation(d.balance, d.items)}</View>}
            </View>
            {done && <View className='success-line' id='redeem-success' onClick={() => void Taro.navigateTo({ url: ROUTES.vouchers })}>{done} ›</View>}
            <ErrorLine message={redeem.error?.message} id='redeem-error' />
            <View className='card'>
              <View className='card__title'>积分兑换</View>
              {d.items.map((item) => {
                const v = itemView(item, d.balance)
                return (
                  <View className={`item ${highlighted === item.id ? 'item--highlight' : ''}`} key={item.id} id={`item-${item.id}`}>
                    <View className='item__icon'>{ICONS[item.id] ?? '礼'}</View>
                    <View className='grow'>
                      <View className='item__name'>{item.name}</View>
                      <View className='item__points'>{formatPoints(item.points)} 积分</View>
                      <Text className={`tag ${v.canRedeem ? 'tag--green' : 'tag--gray'}`}>{v.note}</Text>
                      {process.env.TARO_ENV === 'weapp' ? (
                        <Button className='link-btn' openType='share' data-item-id={item.id}>分享</Button>
                      ) : (
                        <Text className='link-btn' id={`share-${item.id}`} onClick={() => void onShareH5(item.id)}>分享</Text>
                      )}
                    </View>
                    {confirming === item.id ? (
                      <View>
                        <ActionButton className='btn btn--small' id={`confirm-${item.id}`} disabled={redeem.pending} onClick={() => void onConfirm(item)}>
                          {redeem.pending ? '兑换中…' : `确认兑换`}
                        </ActionButton>
                        <View className='muted center gap-top-small' onClick={() => setConfirming(null)}>取消</View>
                      </View>
                    ) : (
                      <ActionButton
                        className={`btn btn--small ${v.canRedeem ? '' : 'btn--ghost'}`}
                        id={`redeem-${item.id}`}
                        disabled={item.stock <= 0}
                        onClick={() => setConfirming(item.id)}
                      >
                        兑换
                      </ActionButton>
                    )}
                  </View>
                )
              })}
            </View>
            <View className='card' id='lottery'>
              <View className='card__title'>积分抽奖<Text className='card__hint'>{d.display.lottery.cost} 积分抽一次</Text></View>
              <ActionButton className='btn btn--ghost' id='draw-btn' disabled={draw.pending} onClick={() => void onDraw()}>
                {draw.pending ? '抽奖中…' : '抽一次'}
              </ActionButton>
              {prize && <View className='success-line' id='draw-prize'>抽中：{prize}</View>}
              <ErrorLine message={draw.error?.message} id='draw-error' />
            </View>
            <View className='card'>
              <View className='card__title'>邀请好友<Text className='card__hint'>好友打开后你得 +{d.display.share.reward} 积分</Text></View>
              {process.env.TARO_ENV === 'weapp' ? (
                <Button className='btn btn--ghost' openType='share' id='share-btn'>分享给好友</Button>
              ) : (
                <ActionButton className='btn btn--ghost' id='share-btn' disabled={share.pending} onClick={() => void onShareH5()}>复制分享链接</ActionButton>
              )}
              {shareLink && <View className='success-line' id='share-link'>链接已生成：{shareLink}</View>}
              <ErrorLine message={share.error?.message} />
            </View>
          </View>
        )}
      </StateView>
    </Screen>
  )
}
