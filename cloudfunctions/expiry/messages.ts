/** Subscribe messages through WeChat's open API; a failed send is reported, never retried (one consent allows one message). */
import * as cloud from 'wx-server-sdk'
import type { SubscribeMessage } from '../../shared/expiry'

/** The merchant's templates, set in the function's environment in the cloud console. */
export const TEMPLATES = {
  expiry: process.env.EXPIRY_TEMPLATE_ID || 'points-expiry-reminder',
  benefit: process.env.BENEFIT_TEMPLATE_ID || 'member-benefit-notice',
}

/** Null when WeChat accepted the message, otherwise why not. */
export async function sendMessage(message: SubscribeMessage): Promise<string | null> {
  try {
    await cloud.openapi.subscribeMessage.send(message)
    return null
  } catch (err) {
    return String((err as { errMsg?: string }).errMsg ?? err)
  }
}
