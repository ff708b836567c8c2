import { View } from '@tarojs/components'

// H5: a plain download link; the browser saves the CSV (same origin, so the file name is kept).
export function ExportLink({ url, fileName }: { url: string; fileName: string }) {
  return (
    <View className='gap-top' id='export-result'>
      <a className='btn btn--tall tap' id='export-download' href={url} download={fileName}>
        下载 {fileName}
      </a>
    </View>
  )
}
