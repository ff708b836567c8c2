import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Screen } from '../../components/Screen'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { todayInShanghai } from '../../logic/format'
import { lastDays, type Period } from '../../logic/period'
import { call, type ArgsFor } from '../../services/api'
import { PeriodPicker } from '../components/PeriodPicker'
import { ExportLink } from './ExportLink'

type What = ArgsFor<'store', 'exportCsv'>['what']
const KINDS: { what: What; label: string }[] = [
  { what: 'ledger', label: '积分流水' },
  { what: 'members', label: '新会员' },
  { what: 'purchases', label: '消费记录' },
]

// 导出数据: the ledger, members or purchases of a period as a CSV for Excel, a CRM or an ERP.
export default function ExportData() {
  const [what, setWhat] = useState<What>('ledger')
  const [period, setPeriod] = useState<Period>(() => lastDays(30, todayInShanghai()))
  const [file, setFile] = useState<{ url: string; fileName: string } | null>(null)
  const run = useMutation((_id, args: ArgsFor<'store', 'exportCsv'>) => call('store', 'exportCsv', args))
  const change = (next: () => void) => {
    setFile(null)
    next()
  }
  const onExport = async () => {
    setFile(null)
    const env = await run.submit({ what, ...period })
    if (env?.ok) setFile({ url: env.data.tempFileURL, fileName: `${KINDS.find((k) => k.what === what)!.label}${period.from}至${period.to}.csv` })
  }
  return (
    <Screen id='page-export'>
      <View className='card' id='export'>
        <View className='card__title'>
          导出数据<View className='card__hint'>CSV，可用 Excel 打开</View>
        </View>
        <View className='chips'>
          {KINDS.map((k) => (
            <View
              key={k.what}
              id={`export-${k.what}`}
              className={`chip tap ${what === k.what ? 'chip--on' : ''}`}
              onClick={() => change(() => setWhat(k.what))}
            >
              {k.label}
            </View>
          ))}
        </View>
        <PeriodPicker id='export-period' value={period} onChange={(p) => change(() => setPeriod(p))} />
        <ErrorLine message={run.error?.message} id='export-error' />
        <ActionButton className='btn btn--tall' id='export-run' disabled={run.pending} onClick={() => void onExport()}>
          {run.pending ? '生成中…' : '生成文件'}
        </ActionButton>
        {file && <ExportLink url={file.url} fileName={file.fileName} />}
      </View>
    </Screen>
  )
}
