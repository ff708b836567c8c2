/**
 * The mini-program code APIs (`cloud.openapi.wxacode.*`) answer a real PNG: a QR code of what the
 * scan would open, `page?scene=...` for getUnlimited and the `path` for get and createQRCode, so
 * pages that show a code work locally. Limits and errcodes as WeChat documents them.
 */
import { qrPng } from './qr-png'

export type WxacodeReply = { png: Buffer } | { errcode: number; errmsg: string }

const DEFAULT_WIDTH = 430
const MIN_WIDTH = 280
const MAX_WIDTH = 1280
const MAX_SCENE = 32
const MAX_PATH = 128

/** The reply for a wxacode API, or null when `apiName` is not one. */
export function wxacode(apiName: string, data: Record<string, unknown>): WxacodeReply | null {
  if (apiName === 'wxacode.getUnlimited') {
    const scene = data.scene
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > MAX_SCENE)
      return { errcode: 40169, errmsg: `invalid length for scene (1 to ${MAX_SCENE} characters)` }
    const page = typeof data.page === 'string' ? data.page : ''
    return { png: qrPng(`${page}?scene=${encodeURIComponent(scene)}`, widthOf(data.width)) }
  }
  if (apiName === 'wxacode.get' || apiName === 'wxacode.createQRCode') {
    const path = data.path
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH)
      return { errcode: 40159, errmsg: `invalid length for path (1 to ${MAX_PATH} characters)` }
    return { png: qrPng(path, widthOf(data.width)) }
  }
  return null
}

function widthOf(value: unknown): number {
  const width = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_WIDTH
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)))
}
