// What a voucher card says beyond its status: how long it still has, in words.
import { msUntil, remainingText } from './countdown'

/** 还有 2天5小时 到期 while it can be used; 已到期 once past. */
export function expiryCountdown(expiresAt: string, now: number): string {
  const ms = msUntil(expiresAt, now)
  return ms > 0 ? `还有 ${remainingText(ms)} 到期` : '已到期'
}

/** Soon: within a day, when the card turns its countdown orange. */
export function expiresSoon(expiresAt: string, now: number): boolean {
  return msUntil(expiresAt, now) < 86_400_000
}
