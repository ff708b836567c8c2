// A QR may carry the bare code or a page path with ?code= / scene=; either way the code is what is claimed.
export function codeFromScan(raw: string): string {
  const text = raw.trim()
  const m = /(?:^|[?&])(?:code|scene)=([^&#]+)/.exec(text)
  return m?.[1] ? decodeURIComponent(m[1]) : text
}
