import qrcode from 'qrcode-generator'

// A GIF data URL renders in an Image on both weapp and H5, without canvas or hundreds of Views.
export function qrDataUrl(text: string, cellSize = 6, margin = 2): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, margin)
}

export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}
