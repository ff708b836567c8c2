// Time left before a deadline, in the words a shopper reads at a glance: days and hours far off, a ticking clock near.

const pad = (n: number) => String(n).padStart(2, '0')

/** `ms` left as 2天5小时, 3小时07分 or 04:09 (never below zero). */
export function remainingText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(s / 86_400)
  const hours = Math.floor((s % 86_400) / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${pad(minutes)}分`
  return `${pad(minutes)}:${pad(s % 60)}`
}

/** Milliseconds from `now` until `iso` (negative once past; 0 for an unreadable instant). */
export function msUntil(iso: string, now: number): number {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : t - now
}
