import { subscriptionKinds } from '../../../shared/subscriptions'
import { call, type DataFor } from './api'
import type { Envelope } from './contract'

// H5 has no WeChat consent dialog: the local build subscribes to every kind. The weapp build picks subscribe.weapp.ts.
export function askAndSubscribe(): Promise<Envelope<DataFor<'member', 'subscribe'>>> {
  return call('member', 'subscribe', { kinds: [...subscriptionKinds] })
}
