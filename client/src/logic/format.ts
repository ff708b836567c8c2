// Display formatting shared by every page; the contract keeps money in fen and points as integers.

export function formatPoints(points: number): string {
  return Math.trunc(points).toLocaleString('en-US')
}

export function formatSignedPoints(delta: number): string {
  return delta > 0 ? `+${formatPoints(delta)}` : formatPoints(delta)
}

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

// Parses what a clerk types ("38", "38.5", "38.50") into fen; anything else is null, never a float.
export function parseYuanToFen(input: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(input)
  if (!m) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return fen > 0 ? fen : null
}

const pad = (n: number) => String(n).padStart(2, '0')

// Instants are shown in the merchant's zone (Asia/Shanghai, UTC+8, no daylight saving).
function inShanghai(iso: string): Date | null {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : new Date(t + 8 * 3600_000)
}

export function formatDate(iso: string): string {
  const d = inShanghai(iso)
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : iso
}

export function formatDateTime(iso: string): string {
  const d = inShanghai(iso)
  return d ? `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : iso
}

export function todayInShanghai(now: Date = new Date()): string {
  return formatDate(now.toISOString())
}

export function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86400_000
  return new Date(t).toISOString().slice(0, 10)
}

const REASONS: [string, string][] = [
  ['signup', '注册奖励'],
  ['checkin', '每日签到'],
  ['streak', '连续签到奖励'],
  ['purchase', '消费积分'],
  ['first', '首单奖励'],
  ['pay', '积分抵现'],
  ['cash', '积分抵现'],
  ['redeem', '积分兑换'],
  ['refund', '积分退还'],
  ['reject', '积分退还'],
  ['expire', '积分过期'],
  ['share', '分享奖励'],
  ['birthday', '生日礼遇'],
  ['address', '完善地址'],
  ['profile', '完善资料'],
  ['tier', '升级奖励'],
  ['draw', '积分抽奖'],
  ['prize', '抽奖奖品'],
]

// The server writes each reason as a sentence the shopper reads; only a bare machine word (older entries) is named here.
// A sentence is never matched by a word inside it: an order number like "A-pay-7" in a refund's reason would hide the sentence.
export function reasonLabel(reason: string): string {
  if (!/^[a-z_:-]+$/i.test(reason)) return reason
  const lower = reason.toLowerCase()
  return REASONS.find(([key]) => lower.includes(key))?.[1] ?? reason
}
