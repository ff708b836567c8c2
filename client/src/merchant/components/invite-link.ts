import { joinPath } from '../../logic/invite'

// H5: the invite is a web link to the join page; the clerk opens it in the browser.
export const canShareInvite = false

export function inviteLink(code: string): string {
  return `${window.location.origin}${window.location.pathname}#${joinPath(code)}`
}
