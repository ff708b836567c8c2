/**
 * expiry: the daily job (timer, 02:00 merchant time). Expires due points and vouchers, sends expiry reminders,
 * grants birthday and monthly tier benefits and win-back vouchers, judges rolling tiers monthly and gives notice a week before. Each step walks only what is due, stops starting work when the time
 * budget is spent, and is safe to run again: a second run picks up exactly what is left. A run that could not
 * finish hands the rest to a fresh run of itself, so a large sweep still completes the same night.
 */
import * as cloud from 'wx-server-sdk'
import type { Envelope } from '../../shared/api'
import { schemas } from '../../shared/schemas'
import { db, putDoc } from '../common/cloud'
import { forgetRules, loadRules } from '../common/rules'
import { action, createMain } from '../common/router'
import type { Rules } from '../../shared/rules'
import { grantBirthdays, grantMonthly, grantWinbacks, markQuietSpells } from './benefits'
import { expireDuePoints, expireDueVouchers } from './points'
import { sendReminders } from './reminders'
import { judgeTiers, noticeTiers } from './tiers'
import { emptyReport, type SweepReport } from './sweep'

/** config.json allows 60 s; new work stops after this, leaving time for what is in flight and the hand-off. */
export const DEFAULT_BUDGET_MS = 45_000
/** At most this many runs follow one another in a night (about 20 minutes at the default budget). */
export const MAX_HOPS = 30
/** How long a run waits for its successor's call to be on its way (the successor is not waited for). */
const HANDOFF_MS = 1_000

type Step = (rules: Rules, now: Date, deadline: number) => Promise<SweepReport>

/** In order of what matters most if the budget runs out. */
const STEPS: Record<string, Step> = {
  points: expireDuePoints,
  vouchers: expireDueVouchers,
  reminders: sendReminders,
  birthday: grantBirthdays,
  monthly: grantMonthly,
  quietSpells: markQuietSpells,
  winback: grantWinbacks,
  tiers: judgeTiers,
  tierNotice: noticeTiers,
}

export interface JobReport {
  now: string
  done: boolean
  ms: number
  /** 0 for the run a trigger or an admin started, then 1, 2 ... for the runs it handed on to. */
  hop: number
  steps: Record<string, SweepReport>
}

export async function runJob(budgetMs: number, hop = 0): Promise<JobReport> {
  const started = performance.now()
  const deadline = started + budgetMs
  const now = new Date()
  // rules may have changed since this instance last ran
  forgetRules()
  const rules = await loadRules()
  const steps: Record<string, SweepReport> = {}
  for (const [name, step] of Object.entries(STEPS)) steps[name] = performance.now() < deadline ? await step(rules, now, deadline) : emptyReport()
  const report = { now: now.toISOString(), done: Object.values(steps).every((s) => s.done), ms: Math.round(performance.now() - started), hop, steps }
  await putDoc(db, 'settings', { _id: 'expiry-job', ...report, finishedAt: new Date() })
  return report
}

/** Starts the next run when this one ran out of time but got somewhere; does not wait for it to finish. */
async function handOn(report: JobReport, budgetMs: number): Promise<void> {
  const progressed = Object.values(report.steps).some((s) => s.handled > 0)
  if (report.done || !progressed || report.hop + 1 > MAX_HOPS) return
  const next = Promise.resolve(cloud.callFunction({ name: 'expiry', data: { action: 'continue', hop: report.hop + 1, budgetMs } }))
    .then((res) => {
      const answer = (res as { result?: Envelope<unknown> } | undefined)?.result
      if (answer && !answer.ok) console.error('expiry hand-off refused', answer.error)
    })
    .catch((err: unknown) => console.error('expiry hand-off failed', err))
  await Promise.race([next, new Promise((resolve) => setTimeout(resolve, HANDOFF_MS))])
}

async function runAndHandOn(budgetMs: number, hop: number, chain: boolean): Promise<JobReport> {
  const report = await runJob(budgetMs, hop)
  if (chain) await handOn(report, budgetMs)
  return report
}

/**
 * The timer's run starts a chain of hand-offs that run as nobody; an admin may run the job by hand, and the chain it
 * starts keeps the admin's identity. Nobody else may run it, nor pose as a hand-off.
 */
export const main = createMain({
  daily: action({ who: 'timer', schema: schemas.expiry.daily, run: () => runAndHandOn(DEFAULT_BUDGET_MS, 0, true) }),
  continue: action({ who: 'timer', schema: schemas.expiry.continue, run: (args) => runAndHandOn(args.budgetMs, args.hop, true) }),
  run: action({ who: 'admin', schema: schemas.expiry.run, run: (args) => runAndHandOn(args.budgetMs ?? DEFAULT_BUDGET_MS, 0, args.chain ?? false) }),
})
