import Taro from '@tarojs/taro'

// On weapp the clerk scans the shopper's 会员码 with the camera.
export const canScan = true

export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
    return res.result
  } catch {
    // the clerk closed the scanner
    return null
  }
}
