import { Button, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { Skeleton } from '../../components/Skeleton'
import { ErrorLine } from '../../components/StateView'
import { actorsOf, AUDIT_KINDS, auditLine } from '../../logic/audit'
import { formatDateTime } from '../../logic/format'
import { call } from '../../services/api'
import type { ApiError, AuditEntry, AuditKind } from '../../services/contract'

interface Filter {
  actor?: string
  kind?: AuditKind
}

// Every staff or admin change, newest first, by clerk and by kind; "加载更多" follows the server's cursor.
export function AuditTrail() {
  const [filter, setFilter] = useState<Filter>({})
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [actors, setActors] = useState<{ openid: string; name: string }[]>([])
  const seq = useRef(0)

  const load = async (from: string | null) => {
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    const env = await call('store', 'audit', { ...filter, ...(from ? { cursor: from } : {}), limit: 20 })
    if (mine !== seq.current) return
    setLoading(false)
    if (!env.ok) return setError(env.error)
    setEntries((prev) => (from ? [...prev, ...env.data.entries] : env.data.entries))
    setActors((known) => actorsOf(env.data.entries, known))
    setCursor(env.data.nextCursor)
  }

  useEffect(() => {
    void load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter.actor, filter.kind])

  const chip = (id: string, label: string, on: boolean, pick: () => void) => (
    <View key={id} id={id} className={`chip ${on ? 'chip--on' : ''}`} onClick={pick}>
      {label}
    </View>
  )
  return (
    <View className='card' id='audit'>
      <View className='card__title'>
        操作记录<Text className='card__hint'>店员和店长的每次操作</Text>
      </View>
      <View className='chips' id='audit-kinds'>
        {chip('audit-kind-all', '全部', !filter.kind, () => setFilter((f) => ({ ...f, kind: undefined })))}
        {AUDIT_KINDS.map((k) => chip(`audit-kind-${k.kind}`, k.label, filter.kind === k.kind, () => setFilter((f) => ({ ...f, kind: k.kind }))))}
      </View>
      <View className='chips' id='audit-actors'>
        {chip('audit-actor-all', '所有人', !filter.actor, () => setFilter((f) => ({ ...f, actor: undefined })))}
        {actors.map((a) => chip(`audit-actor-${a.openid}`, a.name, filter.actor === a.openid, () => setFilter((f) => ({ ...f, actor: a.openid }))))}
      </View>
      {entries.map((e) => {
        const line = auditLine(e)
        return (
          <View className='audit-entry' key={line.id} data-kind={e.kind}>
            <View className='row'>
              <Text className='item__name'>{line.kind}</Text>
              <Text className='muted'>{formatDateTime(e.at)}</Text>
            </View>
            <View className='muted'>
              {line.actor} · {line.target}
            </View>
            {line.detail && <View className='muted'>{line.detail}</View>}
          </View>
        )
      })}
      {loading && <Skeleton cards={1} />}
      {!loading && !error && entries.length === 0 && <View className='state'>还没有操作记录</View>}
      <ErrorLine message={error?.message} id='audit-error' />
      {!loading && (cursor || error) && (
        <Button className='btn btn--ghost' id='audit-more' onClick={() => void load(error && !entries.length ? null : cursor)}>
          {error ? '重试' : '加载更多'}
        </Button>
      )}
    </View>
  )
}
