// A voucher or purchase code shown for typing, in groups of four.
export { groupCode } from '../../../shared/codes'

// A QR may carry the bare code or a page path with ?code= / scene=; either way the code is what is claimed.
export function codeFromScan(raw: string): string {
  const text = safeDecode(raw.trim())
  const m = /(?:^|[?&])(?:code|scene)=([^&#]+)/.exec(text)
  return m?.[1] ? safeDecode(m[1]) : text
}

// WeChat hands a mini-program code's scene URI-encoded; a malformed one is kept as typed.
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
