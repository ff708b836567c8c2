/** Random codes for vouchers and purchases: 22 URL-safe characters of 6 random bits = 132 bits (fits a mini-program `scene`). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A byte masked to 6 bits is uniform over the 64 characters, so no bias. */
export function randomCode(length = 22): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += ALPHABET[b & 63]
  return out
}

export const CODE_PATTERN = /^[A-Za-z0-9_-]{16,32}$/

/**
 * A 会员码: 20 random digits, read aloud in groups of four. It lives 60 s, is used once, and only staff can try one
 * (`store.checkout`). Even at 100 checkout calls a second all day (8.64e6 guesses, far past what a store's clerks can
 * send) against 10,000 codes live at once, a guess hits with chance 8.64e6 × 1e4 / 1e20 < 1e-9 per day.
 */
export const MEMBER_CODE_DIGITS = 20
export const MEMBER_CODE_PATTERN = /^\d{20}$/

export function memberCode(): string {
  let out = ''
  while (out.length < MEMBER_CODE_DIGITS) {
    const bytes = new Uint8Array(MEMBER_CODE_DIGITS)
    globalThis.crypto.getRandomValues(bytes)
    // bytes of 250 and up are dropped, so each digit is uniform
    for (const b of bytes) if (b < 250 && out.length < MEMBER_CODE_DIGITS) out += String(b % 10)
  }
  return out
}

/** The digits as a person reads them: `1234 5678 9012 3456 7890`. */
export function groupDigits(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ')
}
