/** Expiry reminders 7, 3 and 1 days before (rules), only with the shopper's consent, each at most once. */
import { reminderDue, reminderHorizonMs, reminderMessage, type Reminder } from '../../shared/expiry'
import type { Member } from '../../shared/member'
import type { Rules } from '../../shared/rules'
import { createDoc, db, getDoc } from '../common/cloud'
import { findMember } from '../common/members'
import { transact } from '../common/transact'
import { sendMessage, TEMPLATES } from './messages'
import { sweep, type SweepReport } from './sweep'

/** Takes one consent and records the reminder before it is sent, so a re-run or a crash never sends it twice. */
async function claimReminder(openid: string, rules: Rules, now: Date): Promise<Reminder | null> {
  return transact(async (t) => {
    const member = await findMember(t, openid)
    const due = member ? reminderDue(member, rules, now) : null
    const consents = member?.subscriptions.expiry ?? 0
    if (!member || !due || consents <= 0) return null
    if (await getDoc(t, 'grants', due.grantId)) return null
    await createDoc(t, 'grants', {
      _id: due.grantId,
      kind: 'remind',
      openid,
      days: due.days,
      month: due.month,
      points: due.points,
      at: now,
      sent: null,
    })
    await t
      .collection('members')
      .doc(openid)
      .update({ data: { subscriptions: { ...member.subscriptions, expiry: consents - 1 } } })
    return due
  })
}

async function send(openid: string, due: Reminder, rules: Rules, now: Date): Promise<void> {
  const error = await sendMessage(reminderMessage(openid, due, TEMPLATES.expiry, rules))
  // the consent is spent either way: WeChat allows one message per consent
  await db
    .collection('grants')
    .doc(due.grantId)
    .update({ data: error ? { sent: false, error } : { sent: now } })
}

/** Subscribers whose soonest lot expires within the reminder horizon. */
export function sendReminders(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  const _ = db.command
  const horizon = new Date(now.getTime() + reminderHorizonMs(rules))
  return sweep<Member>({
    collection: 'members',
    where: { nextExpiryAt: _.gt(now).and(_.lte(horizon)), 'subscriptions.expiry': _.gt(0) },
    fields: { _id: true, lots: true },
    deadline,
    async each(member) {
      if (!reminderDue(member, rules, now)) return false
      const due = await claimReminder(member._id, rules, now)
      if (!due) return false
      await send(member._id, due, rules, now)
      return true
    },
  })
}
