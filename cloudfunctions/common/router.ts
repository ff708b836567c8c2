/** Router per function: one small table of actions, each with who may call it, its schema and a short handler. */
import type { z } from 'zod'
import type { Envelope } from '../../shared/api'
import { describeInvalidInput, invalidField } from '../../shared/input-errors'
import { Refusal } from '../../shared/refusal'
import type { Rules } from '../../shared/rules'
import { callerOpenid, callSource, db, getDoc } from './cloud'
import { createMissingCollections, isMissingCollection } from './collections'
import { fail, fromError, ok } from './envelope'
import { loadRules } from './rules'

/** `timer`: the platform's timer trigger, or a run of the job handing the rest to a fresh run of itself. */
export type Who = 'anyone' | 'member' | 'staff' | 'admin' | 'timer'

export interface Context {
  /** The caller's OPENID; '' for the timer, which runs as nobody. */
  openid: string
  now: Date
  rules: Rules
  /** Set for staff and admin actions, and for an admin's run handing on. */
  staff: StaffDoc | null
}

export interface StaffDoc {
  _id: string
  role: 'staff' | 'admin'
  name?: string
}

export interface Action<S extends z.ZodType, R> {
  who: Who
  schema: S
  run(args: z.infer<S>, ctx: Context): Promise<R>
}

/** Declares one action; the schema's type becomes the handler's argument type. */
export function action<S extends z.ZodType, R>(a: Action<S, R>): Action<S, R> {
  return a
}

type AnyAction = Action<z.ZodType, unknown>

/** Fields the platform adds to an event that are not arguments. */
const PLATFORM_FIELDS = ['action', 'userInfo'] as const
/** A timer trigger's event: its trigger's name (config.json `triggers[].name`) picks the action, the rest is the platform's. */
const TIMER_FIELDS = ['Type', 'TriggerName', 'Time', 'Message'] as const

/** SOURCE of a run the timer trigger started; each function call down the chain adds `,scf`. */
const TIMER_SOURCE = 'wx_trigger'
const FROM_FUNCTION = ',scf'
const startedByTimer = (source: string) => source === TIMER_SOURCE || source.startsWith(TIMER_SOURCE + FROM_FUNCTION)

/** The function's `main`: dispatch, identity, validation, permissions, envelope. Never throws. */
export function createMain(table: Record<string, AnyAction>): (event: unknown) => Promise<Envelope<unknown>> {
  return async (event) => {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) return fail('INVALID_ARGUMENT', '请求格式不正确')
      const source = callSource()
      const fired = source === TIMER_SOURCE
      const fields = event as Record<string, unknown>
      const name = fired ? fields.TriggerName : fields.action
      const act = typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined
      if (!act) return fail('INVALID_ARGUMENT', '不支持的操作')
      const args: Record<string, unknown> = { ...fields }
      for (const f of fired ? [...PLATFORM_FIELDS, ...TIMER_FIELDS] : PLATFORM_FIELDS) delete args[f]
      const parsed = act.schema.safeParse(args)
      if (!parsed.success) return fail('INVALID_ARGUMENT', describeInvalidInput(parsed.error, args), invalidField(parsed.error))
      return ok(
        await runCreatingCollections(async () => {
          const caller = await identify(act.who, source)
          const ctx: Context = { ...caller, now: new Date(), rules: await loadRules() }
          return act.run(parsed.data, ctx)
        }),
      )
    } catch (err) {
      return fromError(err)
    }
  }
}

/** Runs the action; in a new environment whose collections are missing, creates them all and runs it once more. */
async function runCreatingCollections<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (!isMissingCollection(err)) throw err
    await createMissingCollections()
    return run()
  }
}

/** Who calls, as far as `who` needs to know; anyone `who` does not admit is refused. */
async function identify(who: Who, source: string): Promise<Pick<Context, 'openid' | 'staff'>> {
  const openid = callerOpenid()
  if (who === 'timer' && !openid && startedByTimer(source)) return { openid: '', staff: null }
  if (!openid) throw new Refusal('UNAUTHENTICATED', '请在微信中打开并登录')
  // a person reaches a timer action only through the job's own hand-off, from a run an admin started
  if (who === 'timer' && !source.endsWith(FROM_FUNCTION)) throw new Refusal('PERMISSION_DENIED', '这个操作只能由系统自动运行')
  const role = who === 'staff' ? 'staff' : who === 'admin' || who === 'timer' ? 'admin' : null
  return { openid, staff: role ? await requireStaff(openid, role) : null }
}

async function requireStaff(openid: string, who: 'staff' | 'admin'): Promise<StaffDoc> {
  const staff = await getDoc<StaffDoc>(db, 'staff', openid)
  const allowed = staff && (staff.role === 'admin' || (who === 'staff' && staff.role === 'staff'))
  if (!allowed || !staff) throw new Refusal('PERMISSION_DENIED', who === 'admin' ? '仅商家管理员可以操作' : '仅门店店员可以操作')
  return staff
}
