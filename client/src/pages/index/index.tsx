import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { CampaignBanner } from '../../components/CampaignBanner'
import { Screen } from '../../components/Screen'
import { ErrorLine, StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { useShareOpen } from '../../hooks/useShareOpen'
import { expiryLines } from '../../logic/expiry'
import { formatPoints } from '../../logic/format'
import { ROUTES } from '../../logic/nav'
import { streakStrip, streakText } from '../../logic/streak'
import { tierClass, tierProgress } from '../../logic/tiers'
import { call } from '../../services/api'
import type { Summary } from '../../services/contract'

const LINKS = [
  { id: 'member-code', label: '会员码', icon: '码', url: ROUTES.memberCode },
  { id: 'mall', label: '积分商城', icon: '兑', url: ROUTES.mall },
  { id: 'vouchers', label: '我的券', icon: '券', url: ROUTES.vouchers },
  { id: 'history', label: '积分明细', icon: '明', url: ROUTES.history },
  { id: 'checkin', label: '签到日历', icon: '历', url: ROUTES.checkin },
  { id: 'scan', label: '扫码积分', icon: '扫', url: ROUTES.scan },
  { id: 'profile', label: '个人资料', icon: '我', url: ROUTES.profile },
  { id: 'staff', label: '店员工作台', icon: '店', url: ROUTES.staff },
  { id: 'admin', label: '店主后台', icon: '管', url: ROUTES.admin },
]

const go = (url: string) => void Taro.navigateTo({ url })

export default function Home() {
  const { state, reload, setData } = useRemote(() => call('member', 'login'))
  const [notice, setNotice] = useState<string | null>(null)
  const firstShow = useRef(true)
  const checkIn = useMutation(() => call('checkin', 'checkIn'))
  useShareOpen(state.status === 'ready')

  // Coming back from another page (a redemption, a claim) refreshes the balance quietly.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void reload(true)
  })

  const onCheckIn = async () => {
    const env = await checkIn.submit()
    if (!env?.ok) return
    const { awarded, bonus, balance, streak } = env.data
    setNotice(bonus > 0 ? `签到成功 +${awarded} 积分（含连续7天奖励 +${bonus}）` : `签到成功 +${awarded} 积分`)
    setData((s) => ({ ...s, balance, streak: { count: streak, checkedInToday: true } }))
  }

  return (
    <Screen id='page-home'>
      <StateView state={state} onRetry={() => void reload()}>
        {(s) => <HomeBody s={s} notice={notice} onCheckIn={() => void onCheckIn()} pending={checkIn.pending} error={checkIn.error?.message} />}
      </StateView>
    </Screen>
  )
}

interface BodyProps { s: Summary; notice: string | null; onCheckIn: () => void; pending: boolean; error?: string }

function HomeBody({ s, notice, onCheckIn, pending, error }: BodyProps) {
  const progress = tierProgress(s)
  const strip = streakStrip(s.streak.count, s.streak.checkedInToday)
  return (
    <View>
      <View className={`hero ${tierClass(s.tier.id)}`} id='tier-card'>
        <View className='row'>
          <View className='row'>
            <Text className='hero__name'>{s.nickname || '微信用户'}</Text>
            <Text className='hero__badge' id='tier-name'>{s.tier.name}</Text>
          </View>
          <Text className='hero__badge'>积分 ×{s.tier.rate}</Text>
        </View>
        <View className='hero__label'>可用积分</View>
        <View className='hero__balance' id='balance'>{formatPoints(s.balance)}</View>
        <View className='hero__progress'><View className='hero__progress-fill' style={{ width: `${progress.percent}%` }} /></View>
        <View className='hero__next' id='tier-progress'>{progress.text}</View>
      </View>
      <CampaignBanner campaigns={s.campaigns} />

      {s.expiring.length > 0 && (
        <View className='card' id='expiring'>
          <View className='card__title'>积分有效期<Text className='card__hint'>先到期的积分先使用</Text></View>
          {expiryLines(s.expiring).map((e) => (
            <View className='row' key={e.key}>
              <Text><Text className={e.soon ? 'delta-minus' : ''}>{formatPoints(e.points)}</Text> 积分</Text>
              <Text className={e.soon ? 'tag tag--orange' : 'muted'}>{e.soon ? `${e.daysLeft} 天后过期` : `${e.date} 到期`}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card' id='checkin-card'>
        <View className='card__title'>
          <Text>每日签到</Text>
          <Text className='card__hint' id='streak-text'>{streakText(s.streak.count, s.streak.checkedInToday)}</Text>
        </View>
        <View className='streak' id='streak-strip'>
          {strip.map((d) => (
            <View key={d.index} className={`streak__day ${d.done ? 'streak__day--done' : ''} ${d.today ? 'streak__day--today' : ''} ${d.bonus ? 'streak__day--bonus' : ''}`}>
              <View className='streak__dot'>+{s.display.checkIn.daily + (d.bonus ? s.display.checkIn.streakBonus : 0)}</View>
              <Text>第{d.index}天</Text>
            </View>
          ))}
        </View>
        <ActionButton className='btn' id='checkin-btn' disabled={pending || s.streak.checkedInToday} onClick={onCheckIn}>
          {s.streak.checkedInToday ? '今日已签到' : pending ? '签到中…' : '立即签到'}
        </ActionButton>
        {notice && <View className='success-line' id='checkin-notice'>{notice}</View>}
        <ErrorLine message={error} id='checkin-error' />
      </View>

      {s.recommendations.length > 0 && (
        <View className='card' id='recommendations'>
          <View className='card__title'>为你推荐</View>
          {s.recommendations.map((r) => (
            <View className='list-item' key={r.itemId} onClick={() => go(ROUTES.mall)}>
              <Text>{r.text}</Text>
              <Text className='muted'>去看看 ›</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <View className='grid'>
          {LINKS.map((l) => (
            <View className='grid__item' key={l.id} id={`link-${l.id}`} onClick={() => go(l.url)}>
              <View className='grid__icon'>{l.icon}</View>
              <Text>{l.label}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
