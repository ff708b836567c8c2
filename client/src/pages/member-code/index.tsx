import { Switch, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { QrCode } from '../../components/QrCode'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { Stepper } from '../../components/Stepper'
import { useNow, usePolling } from '../../hooks/usePolling'
import { formatPoints } from '../../logic/format'
import { capLabel, groupDigits, memberCodeUsed, refreshDelay, stepCap } from '../../logic/till'
import { call, type DataFor } from '../../services/api'
import type { ApiError, Summary } from '../../services/contract'

/** The member number, once the server numbers members (the contract adds it to the summary). */

export default function MemberCodePage() {
  const [allowPoints, setAllowPoints] = useState(false)
  const [cap, setCap] = useState<number | null>(null)
  const [code, setCode] = useState<(DataFor<'member', 'memberCode'> & { refreshAt: number }) | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [summary, setSummary] = useState<Summary | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const seq = useRef(0)
  const now = useNow(1000)

  // A new code for the consent on screen; an older answer arriving late is dropped.
  const refresh = useCallback(async () => {
    const mine = ++seq.current
    const env = await call('member', 'memberCode', allowPoints && cap !== null ? { allowPoints, maxPoints: cap } : { allowPoints })
    if (mine !== seq.current) return
    if (!env.ok) {
      setError(env.error)
      // try again shortly; the old code, if any, stays on screen meanwhile
      return setCode((c) => c && { ...c, refreshAt: Date.now() + 5_000 })
    }
    setError(null)
    setCode({ ...env.data, refreshAt: Date.now() + refreshDelay(env.data.expiresAt, Date.now()) })
  }, [allowPoints, cap])

  // The 会员码 may be the first page a shopper opens: join first (login creates the member), then ask for a code.
  useEffect(() => {
    void call('member', 'login').then((env) => (env.ok ? setSummary(env.data) : setError(env.error)))
  }, [])

  const joined = summary !== null
  useEffect(() => {
    if (joined) void refresh()
  }, [refresh, joined])

  // Before it expires, the code is replaced.
  useEffect(() => {
    if (!code || now < code.refreshAt) return
    // once: the ticks before the answer comes do not ask again
    setCode({ ...code, refreshAt: Number.POSITIVE_INFINITY })
    void refresh()
  }, [code, now, refresh])

  // The clerk used the code: the spend or balance moved. Say so and show a fresh one.
  usePolling(
    async () => {
      const env = await call('member', 'summary')
      if (!env.ok) return
      if (summary && memberCodeUsed(summary, env.data)) {
        setNotice(`已结账，当前积分 ${formatPoints(env.data.balance)}`)
        void refresh()
      }
      setSummary(env.data)
    },
    2500,
    joined,
  )

  const onAllow = (on: boolean) => {
    setAllowPoints(on)
    if (!on) setCap(null)
  }

  return (
    <Screen id='page-member-code'>
      <View className='card' id='member-code-card'>
        <View className='card__title'>
          会员码<Text className='card__hint'>结账时出示给店员扫码</Text>
        </View>
        {code ? (
          <View>
            <QrCode value={code.code} id='member-qr' showText={false} />
            <View className='member-code__digits' id='member-code-digits'>
              {groupDigits(code.code)}
            </View>
            {summary?.memberNo && (
              <View className='member-code__no' id='member-no'>
                会员号 {summary.memberNo}
              </View>
            )}
            <View className='muted center gap-top-small' id='member-code-refresh'>
              {Number.isFinite(code.refreshAt) ? `${Math.max(0, Math.ceil((code.refreshAt - now) / 1000))} 秒后自动刷新` : '正在刷新…'} · 仅可使用一次
            </View>
          </View>
        ) : (
          !error && <View className='state'>正在生成会员码…</View>
        )}
        <ErrorLine message={error?.message} id='member-code-error' />
        {notice && (
          <View className='success-line' id='member-code-notice'>
            {notice}
          </View>
        )}
      </View>
      <View className='card' id='points-consent'>
        <View className='row'>
          <View>
            <View>允许积分抵现</View>
            <View className='muted'>打开后，店员结账时可用你的积分抵扣部分金额</View>
          </View>
          <Switch id='allow-points' checked={allowPoints} color='#07c160' onChange={(e) => onAllow(e.detail.value)} />
        </View>
        {allowPoints && (
          <View className='row gap-top' id='points-cap'>
            <View>
              <View>抵扣上限</View>
              <View className='muted' id='points-cap-label'>
                {capLabel(cap)}
              </View>
            </View>
            <Stepper
              id='cap-stepper'
              value={cap === null ? '不限' : formatPoints(cap)}
              onStep={(d) => setCap((c) => stepCap(c, d))}
              canDown={cap !== null}
              canUp={summary === null || (cap ?? 0) < summary.balance}
            />
          </View>
        )}
        {summary && (
          <View className='muted gap-top-small' id='member-balance'>
            当前积分 {formatPoints(summary.balance)}
          </View>
        )}
      </View>
    </Screen>
  )
}
