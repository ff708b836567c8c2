/** Rolling tiers: the monthly judgement (at most one tier down) and, the week before, a notice to members who consented. */
import { tierJudgementGift, tierNoticeGift, upperTierIds } from '../../shared/benefits'
import { monthOf } from '../../shared/calendar'
import type { Rules } from '../../shared/rules'
import { nextJudgementAt, NOTICE_DAYS } from '../../shared/tier-policy'
import { db, type Command, type Condition } from '../common/cloud'
import { grant } from './benefits'
import { sweep, type SweepReport } from './sweep'

/** The SDK's command has `neq`; the shared typing lists only what the other functions use. */
const _ = db.command as Command & { neq(v: unknown): Condition }

const nothing = (): Promise<SweepReport> => Promise.resolve({ handled: 0, changed: 0, failed: 0, done: true })

/** Members above the lowest tier not judged this month: the first run of a month judges them (a drop needs no message). */
export function judgeTiers(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  if (rules.tierPolicy.mode === 'lifetime') return nothing()
  return sweep({
    collection: 'members',
    where: { tier: _.in(upperTierIds(rules)), 'granted.tierJudged': _.neq(monthOf(now, rules.timeZone)) },
    deadline,
    each: grant(tierJudgementGift, 'tiers', rules, now, false),
  })
}

/** In the week before the judgement, consenting members above the lowest tier whom it would lower, told once. */
export function noticeTiers(rules: Rules, now: Date, deadline: number): Promise<SweepReport> {
  const at = nextJudgementAt(rules, now)
  if (rules.tierPolicy.mode === 'lifetime' || at.getTime() - now.getTime() > NOTICE_DAYS * 86_400_000) return nothing()
  return sweep({
    collection: 'members',
    where: { tier: _.in(upperTierIds(rules)), 'subscriptions.benefit': _.gt(0), 'granted.tierNotice': _.neq(monthOf(at, rules.timeZone)) },
    deadline,
    each: grant(tierNoticeGift, 'tierNotice', rules, now),
  })
}
