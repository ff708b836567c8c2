/** Router per function: one small table of actions, each with who may call it, its schema and a short handler. */
import type { z } from 'zod'
import type { Envelope } from '../../shared/api'
import { describeInvalidInput } from '../../shared/input-errors'
import { Refusal } from '../../shared/refusal'
import type { Rules } from '../../shared/rules'
import { callerOpenid, db, getDoc } from './cloud'
import { fail, fromError, ok } from './envelope'
import { loadRules } from './rules'

export type Who = 'anyone' | 'member' | 'staff' | 'admin'

export interface Context {
  openid: string
  now: Date
  rules: Rules
  /** Set for staff and admin actions. */
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = Action<z.ZodType, any>

/** Fields the platform adds to an event that are not arguments. */
const PLATFORM_FIELDS = ['action', 'userInfo'] as const

/** The function's `main`: dispatch, identity, validation, permissions, envelope. Never throws. */
export function createMain(table: Record<string, AnyAction>): (event: unknown) => Promise<Envelope<unknown>> {
  return async (event) => {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) return fail('INVALID_ARGUMENT', '请求格式不正确')
      const { action: name } = event as { action?: unknown }
      const act = typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined
      if (!act) return fail('INVALID_ARGUMENT', '不支持的操作')
      const args: Record<string, unknown> = { ...(event as Record<string, unknown>) }
      for (const f of PLATFORM_FIELDS) delete args[f]
      const parsed = act.schema.safeParse(args)
      if (!parsed.success) return fail('INVALID_ARGUMENT', describeInvalidInput(parsed.error, args))
      const openid = callerOpenid()
      if (!openid) return fail('UNAUTHENTICATED', '请在微信中打开并登录')
      const staff = act.who === 'staff' || act.who === 'admin' ? await requireStaff(openid, act.who) : null
      const ctx: Context = { openid, now: new Date(), rules: await loadRules(), staff }
      return ok(await act.run(parsed.data, ctx))
    } catch (err) {
      return fromError(err)
    }
  }
}

async function requireStaff(openid: string, who: 'staff' | 'admin'): Promise<StaffDoc> {
  const staff = await getDoc<StaffDoc>(db, 'staff', openid)
  const allowed = staff && (staff.role === 'admin' || (who === 'staff' && staff.role === 'staff'))
  if (!allowed || !staff) throw new Refusal('PERMISSION_DENIED', who === 'admin' ? '仅商家管理员可以操作' : '仅门店店员可以操作')
  return staff
}
