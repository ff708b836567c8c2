import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ErrorLine } from '../../components/StateView'

// weapp: download the CSV and open it in WeChat's document viewer (from there: send to a chat or a computer), or copy the link.
export function ExportLink({ url, fileName }: { url: string; fileName: string }) {
  const [error, setError] = useState<string | null>(null)
  const open = async () => {
    setError(null)
    try {
      const { tempFilePath } = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'csv' as never, showMenu: true })
    } catch {
      setError('文件打不开，请复制链接到电脑上下载')
    }
  }
  return (
    <View className='gap-top' id='export-result'>
      <ErrorLine message={error} />
      <View className='btn-row'>
        <Button className='btn btn--tall' id='export-open' onClick={() => void open()}>
          打开 {fileName}
        </Button>
        <Button className='btn btn--ghost btn--tall' id='export-copy' onClick={() => void Taro.setClipboardData({ data: url })}>
          复制链接
        </Button>
      </View>
    </View>
  )
}
