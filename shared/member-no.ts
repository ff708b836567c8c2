/** Member numbers: 8 digits a person can read out at the counter or type into the owner's search. */
export const MEMBER_NO_PATTERN = /^[1-9]\d{7}$/

/** A random member number, 10000000..99999999, uniform (bytes past the largest whole multiple are drawn again). */
export function randomMemberNo(): string {
  const span = 90_000_000
  const limit = Math.floor(2 ** 32 / span) * span
  const word = new Uint32Array(1)
  do globalThis.crypto.getRandomValues(word)
  while (word[0]! >= limit)
  return String(10_000_000 + (word[0]! % span))
}

/** Whether the owner's search text is a member number. */
export const isMemberNo = (text: string): boolean => MEMBER_NO_PATTERN.test(text)
