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
