/**
 * expiry: the daily job (timer, 02:00 merchant time). Expires due points and vouchers, sends expiry reminders,
 * grants birthday and monthly tier benefits. Each step walks only what is due, stops starting work when the time
 * budget is spent, and is safe to run again: a second run (or the next day's) picks up exactly what is left.
 */
import type { Envelope } from '../../shared/api'
import { schemas } from '../../shared/schemas'
import { callerOpenid, db, getDoc, putDoc } from '../common/cloud'
import { fail, fromError, ok } from '../common/envelope'
import { forgetRules, loadRules } from '../common/rules'
import type { StaffDoc } from '../common/router'
import { grantBirthdays, grantMonthly } from './benefits'
import { expireDuePoints, expireDueVouchers } from './points'
import { sendReminders } from './reminders'
import { emptyReport, type SweepReport } from './sweep'
import type { Rules } from '../../shared/rules'

/** config.json allows 60 s; new work stops after this, leaving time for what is in flight. */
export const DEFAULT_BUDGET_MS = 45_000

type Step = (rules: Rules, now: Date, deadline: number) => Promise<SweepReport>

/** In order of what matters most if the budget runs out. */
const STEPS: Record<string, Step> = {
  points: expireDuePoints,
  vouchers: expireDueVouchers,
  reminders: sendReminders,
  birthday: grantBirthdays,
  monthly: grantMonthly,
}

export interface JobReport {
  now: string
  done: boolean
  ms: number
  steps: Record<string, SweepReport>
}

export async function runJob(budgetMs: number): Promise<JobReport> {
  const started = performance.now()
  const deadline = started + budgetMs
  const now = new Date()
  // rules may have changed since this instance last ran
  forgetRules()
  const rules = await loadRules()
  const steps: Record<string, SweepReport> = {}
  for (const [name, step] of Object.entries(STEPS)) steps[name] = performance.now() < deadline ? await step(rules, now, deadline) : emptyReport()
  const report = { now: now.toISOString(), done: Object.values(steps).every((s) => s.done), ms: Math.round(performance.now() - started), steps }
  await putDoc(db, 'settings', { _id: 'expiry-job', ...report, finishedAt: new Date() })
  return report
}

/** The timer calls with no OPENID; a person may run the job by hand only as the merchant's admin. */
export async function main(event: unknown): Promise<Envelope<JobReport>> {
  try {
    const openid = callerOpenid()
    if (openid === null) return ok(await runJob(DEFAULT_BUDGET_MS))
    const staff = await getDoc<StaffDoc>(db, 'staff', openid)
    if (staff?.role !== 'admin') return fail('PERMISSION_DENIED', '仅商家管理员可以操作')
    const { action: _action, userInfo: _user, ...args } = (event ?? {}) as Record<string, unknown>
    const parsed = schemas.expiry.run.safeParse(args)
    if (!parsed.success) return fail('INVALID_ARGUMENT', '参数不正确')
    return ok(await runJob(parsed.data.budgetMs ?? DEFAULT_BUDGET_MS))
  } catch (err) {
    return fromError(err)
  }
}
