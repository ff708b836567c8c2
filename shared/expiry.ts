/** Expiry reminders: which reminder is due for a member's soonest lot, and the subscribe message it sends. */
import { dayOf, endOfMonth } from './calendar'
import type { Member } from './member'
import type { Rules } from './rules'

export interface Reminder {
  /** The grant id that makes this reminder go out at most once. */
  grantId: string
  /** The reminder it is: 7, 3 or 1 days before (rules). */
  days: number
  /** Whole merchant days left until the lot expires (0 on its last day). */
  daysLeft: number
  month: string
  points: number
  expiresAt: Date
}

/** Whole calendar days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The reminder due for the soonest lot: the smallest of the rules' days that is still ≥ the days left.
 * A late run sends the nearest one it can (a missed 7-day reminder becomes the one sent 6 days before).
 */
export function reminderDue(member: Pick<Member, '_id' | 'lots'>, rules: Rules, now: Date): Reminder | null {
  const lot = member.lots[0]
  if (!lot || rules.expiry.remindDays.length === 0) return null
  const expiresAt = endOfMonth(lot.expires, rules.timeZone)
  if (expiresAt.getTime() <= now.getTime()) return null
  const daysLeft = daysBetween(dayOf(now, rules.timeZone), dayOf(expiresAt, rules.timeZone))
  const days = [...rules.expiry.remindDays].sort((a, b) => a - b).find((d) => d >= daysLeft)
  if (days === undefined) return null
  return { grantId: `remind:${member._id}:${lot.expires}:${days}`, days, daysLeft, month: lot.expires, points: lot.points, expiresAt }
}

/** How far ahead the job looks for lots to remind about. */
export function reminderHorizonMs(rules: Rules): number {
  return (Math.max(0, ...rules.expiry.remindDays) + 1) * 86_400_000
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/** The expiry reminder in the shape `subscribeMessage.send` takes (template fields as the merchant's template names them). */
export function reminderMessage(openid: string, r: Reminder, templateId: string, rules: Rules): SubscribeMessage {
  const when = r.daysLeft === 0 ? '今天' : `${r.daysLeft} 天后`
  return {
    touser: openid,
    templateId,
    page: 'pages/index/index',
    data: {
      thing1: { value: '积分即将过期' },
      number2: { value: String(r.points) },
      date3: { value: dayOf(r.expiresAt, rules.timeZone) },
      thing4: { value: `${when}过期，快去积分商城兑换吧` },
    },
  }
}
