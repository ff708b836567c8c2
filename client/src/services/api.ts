import type { Actions } from '../../../shared/api'
import type { Envelope } from './contract'
import { callFunction } from './transport'

export type FunctionName = keyof Actions
export type ActionName<F extends FunctionName> = keyof Actions[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = Actions[F][A] extends { args: infer Args; data: infer Data }
  ? { args: Args; data: Data }
  : never
/** What an action takes, without the `action` key the call adds itself. */
export type ArgsFor<F extends FunctionName, A extends ActionName<F>> = Omit<Spec<F, A>['args'], 'action'>
/** What an action answers on success, exactly as the server's contract says. */
export type DataFor<F extends FunctionName, A extends ActionName<F>> = Spec<F, A>['data']

// Actions whose arguments are all optional may be called without them.
type ArgsParam<F extends FunctionName, A extends ActionName<F>> =
  Record<never, never> extends ArgsFor<F, A> ? [args?: ArgsFor<F, A>] : [args: ArgsFor<F, A>]

/** The one way pages call a cloud function: names, arguments and result all typed from shared/api.ts. */
export function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...[args]: ArgsParam<F, A>
): Promise<Envelope<DataFor<F, A>>> {
  return callFunction<DataFor<F, A>>(fn, { ...(args ?? {}), action })
}
