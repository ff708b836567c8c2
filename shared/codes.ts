/** Crockford's base32: digits and upper-case letters without I, L, O and U, so nothing a clerk types is ambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 16

/**
 * A voucher, purchase, share or invite code: 16 characters of 5 random bits = 80 bits, short enough to type at the
 * counter. A byte masked to 5 bits is uniform over the 32 characters (a power of two), so no bias. Entropy, expiry and
 * one use together keep guessing a live code below one in a billion a day: even at 1e9 guesses a day against 100,000
 * live codes, a guess hits with chance 1e9 × 1e5 / 2^80 ≈ 8e-11 per day.
 */
export function randomCode(length = CODE_LENGTH): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += ALPHABET[b & 31]
  return out
}

/** A code as stored: exactly 16 characters of the alphabet above. */
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/

/** A code as typed: spaces and dashes dropped, upper-cased, and the look-alikes read as Crockford does (O→0, I and L→1). */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')
}

/** A code as shown for typing: `ABCD EFGH JKMN PQRS`. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

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
