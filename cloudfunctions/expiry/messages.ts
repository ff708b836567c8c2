/** Subscribe messages through WeChat's open API; a failed send is reported, never retried (one consent allows one message). */
import * as cloud from 'wx-server-sdk'
import type { SubscribeMessage } from '../../shared/expiry'

/** The merchant's templates, set in the function's environment in the cloud console. */
export const TEMPLATES = {
  expiry: process.env.EXPIRY_TEMPLATE_ID || 'points-expiry-reminder',
  benefit: process.env.BENEFIT_TEMPLATE_ID || 'member-benefit-notice',
}

/** The slice of the open API this function calls (wx-server-sdk declares `openapi` as any). */
interface OpenApi {
  subscribeMessage: { send(message: SubscribeMessage): Promise<unknown> }
}

/** Null when WeChat accepted the message, otherwise why not. */
export async function sendMessage(message: SubscribeMessage): Promise<string | null> {
  try {
    await (cloud.openapi as OpenApi).subscribeMessage.send(message)
    return null
  } catch (err) {
    return String((err as { errMsg?: string }).errMsg ?? err)
  }
}
