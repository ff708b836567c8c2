import { formatDate } from './format'

export interface ExpiryLine {
  key: string
  points: number
  date: string
  soon: boolean
  daysLeft: number
}

const DAY = 86400_000

// Lots expire at month ends a year out; only those within 30 days deserve the shopper's alarm.
export function expiryLines(expiring: { points: number; expiresAt: string }[], now: Date = new Date(), soonDays = 30): ExpiryLine[] {
  return expiring.map((e) => {
    const daysLeft = Math.max(0, Math.ceil((Date.parse(e.expiresAt) - now.getTime()) / DAY))
    return { key: e.expiresAt, points: e.points, date: formatDate(e.expiresAt), soon: daysLeft <= soonDays, daysLeft }
  })
}
