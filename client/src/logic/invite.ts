// A staff invite travels as a link to the join page with ?code=; the invitee may also scan or paste it, or type the code.
import { ROUTES } from './nav'

/** The join page's path with the code, as a mini-program share or an H5 hash route carries it. */
export const joinPath = (code: string): string => `${ROUTES.join}?code=${encodeURIComponent(code)}`

/** The code in what was scanned or pasted: the link's code parameter, or the text itself. */
export function inviteCodeOf(text: string): string {
  const param = /[?&]code=([^&#\s]+)/.exec(text)
  if (!param) return text.trim()
  try {
    return decodeURIComponent(param[1]!).trim()
  } catch {
    return param[1]!.trim()
  }
}

export const ROLE_LABELS = { staff: '店员', admin: '店长' } as const
