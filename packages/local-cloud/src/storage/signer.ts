/**
 * Signs what a storage URL allows (read or write one cloud path until an instant) with a secret
 * that lives only in this server process, so nobody can forge or stretch a URL, and a restart
 * voids every URL handed out before it, as a temporary link should.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type Grant = 'GET' | 'PUT'

export class UrlSigner {
  private readonly secret = randomBytes(32)

  /** The signature that lets `grant` on `cloudPath` until `expiresAt` (Unix seconds). */
  sign(grant: Grant, cloudPath: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${grant}\n${cloudPath}\n${expiresAt}`).digest('hex')
  }

  /** Why a signature does not let `grant` on `cloudPath` at `nowSeconds`, or null when it does. */
  refusal(grant: Grant, cloudPath: string, expiresAt: string | null, signature: string | null, nowSeconds: number): string | null {
    if (!expiresAt || !/^\d{1,12}$/.test(expiresAt) || !signature) return 'the URL is not signed'
    const expected = Buffer.from(this.sign(grant, cloudPath, Number(expiresAt)), 'hex')
    const given = Buffer.from(/^[0-9a-f]+$/i.test(signature) ? signature : '', 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'the signature does not match'
    if (Number(expiresAt) < nowSeconds) return 'the URL has expired'
    return null
  }
}
