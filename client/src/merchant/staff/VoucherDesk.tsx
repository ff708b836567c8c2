import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { codeFromScan, groupCode } from '../../logic/codes'
import { formatDate, formatPoints } from '../../logic/format'
import { voucherStatus } from '../../logic/mall'
import { canScan } from '../../services/scanner'
import { call, type DataFor } from '../../services/api'

export function VoucherDesk() {
  const [code, setCode] = useState('')
  const [found, setFound] = useState<DataFor<'store', 'lookupVoucher'> | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const lookup = useMutation((_id, c: string) => call('store', 'lookupVoucher', { code: c }))
  const fulfil = useMutation((_id, c: string) => call('store', 'fulfilVoucher', { code: c }))
  const reject = useMutation((_id, c: string, r: string) => call('store', 'rejectVoucher', { code: c, reason: r }))
  const busy = lookup.pending || fulfil.pending || reject.pending
  const error = lookup.error ?? fulfil.error ?? reject.error

  const onLookup = async (raw = code) => {
    setMessage(null)
    setFound(null)
    const env = await lookup.submit(codeFromScan(raw))
    if (env?.ok) setFound(env.data)
  }
  const onScan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      setCode(codeFromScan(res.result))
      await onLookup(res.result)
    } catch {
      // Scanner closed by the clerk.
    }
  }
  const onFulfil = async () => {
    if (!found) return
    const env = await fulfil.submit(found.voucher.code)
    if (env?.ok) {
      setFound({ ...found, voucher: env.data.voucher })
      setMessage('核销成功')
    }
  }
  const onReject = async () => {
    if (!found) return
    const env = await reject.submit(found.voucher.code, reason.trim() || '店员驳回')
    if (env?.ok) {
      setFound({ ...found, voucher: env.data.voucher })
      setMessage('已驳回，积分已退还顾客')
    }
  }

  const v = found?.voucher
  const status = v ? voucherStatus(v.status) : null
  return (
    <View className='card'>
      <View className='card__title'>
        核销券<Text className='card__hint'>扫码或输入券码</Text>
      </View>
      {canScan && (
        <Button className='btn btn--ghost gap-bottom' id='scan-voucher-btn' onClick={() => void onScan()}>
          扫码核销
        </Button>
      )}
      <Input className='input-box' id='voucher-code-input' value={code} placeholder='输入券码' onInput={(e) => setCode(e.detail.value)} />
      <ActionButton className='btn' id='lookup-btn' disabled={busy || !code.trim()} onClick={() => void onLookup()}>
        {lookup.pending ? '查询中…' : '查询'}
      </ActionButton>
      <ErrorLine message={error?.message} id='voucher-error' />
      {message && (
        <View className='success-line' id='voucher-message'>
          {message}
        </View>
      )}
      {v && found && status && (
        <View id='lookup-result' data-status={v.status}>
          <View className='list-item'>
            <Text className='item__name'>{v.name}</Text>
            <Text className={`tag tag--${status.tone}`} id='lookup-status'>
              {status.label}
            </Text>
          </View>
          <View className='list-item'>
            <Text className='muted'>券码</Text>
            <Text id='lookup-code'>{groupCode(v.code)}</Text>
          </View>
          <View className='list-item'>
            <Text className='muted'>会员</Text>
            <Text>
              {found.member.nickname || '微信用户'} · {found.member.tier}
            </Text>
          </View>
          <View className='list-item'>
            <Text className='muted'>积分</Text>
            <Text>{formatPoints(v.points)}</Text>
          </View>
          <View className='list-item'>
            <Text className='muted'>有效期至</Text>
            <Text>{formatDate(v.expiresAt)}</Text>
          </View>
          {v.status === 'pending' && (
            <View>
              <Input
                className='input-box'
                id='reject-reason'
                value={reason}
                placeholder='驳回原因（选填）'
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className='btn-row'>
                <ActionButton className='btn btn--danger' id='reject-btn' disabled={busy} onClick={() => void onReject()}>
                  驳回
                </ActionButton>
                <ActionButton className='btn' id='fulfil-btn' disabled={busy} onClick={() => void onFulfil()}>
                  {fulfil.pending ? '核销中…' : '确认核销'}
                </ActionButton>
              </View>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
