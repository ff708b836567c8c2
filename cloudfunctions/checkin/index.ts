/** checkin: today's check-in and the month's calendar. */
import { dayOf } from '../../shared/calendar'
import { checkIn, type LedgerEntry } from '../../shared/member'
import { schemas } from '../../shared/schemas'
import { db } from '../common/cloud'
import { requireMember, storeOutcome } from '../common/members'
import { action, createMain } from '../common/router'
import { transact } from '../common/transact'

const _ = db.command

export const actions = {
  checkIn: action({
    who: 'member',
    schema: schemas.checkin.checkIn,
    async run(_args, ctx) {
      const day = dayOf(ctx.now, ctx.rules.timeZone)
      return transact(
        async (t) => {
          const outcome = checkIn(await requireMember(t, ctx.openid), ctx.rules, ctx.now)
          await storeOutcome(t, outcome)
          return outcome.answer
        },
        { guard: `checkin:${ctx.openid}:${day}`, alreadyDone: '今天已经签到过了，明天再来吧' },
      )
    },
  }),

  calendar: action({
    who: 'member',
    schema: schemas.checkin.calendar,
    async run(args, ctx) {
      const res = await db
        .collection('ledger')
        .where({ openid: ctx.openid, kind: 'checkin', day: _.gte(`${args.month}-01`).and(_.lte(`${args.month}-31`)) })
        .limit(31)
        .get()
      const days = (res.data as LedgerEntry[]).map((e) => e.day).filter((d): d is string => typeof d === 'string')
      return { days: [...new Set(days)].sort() }
    },
  }),
}

export const main = createMain(actions)
