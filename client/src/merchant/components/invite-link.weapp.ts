import { joinPath } from '../../logic/invite'

// weapp: the invite is the join page's path, sent to the clerk as a mini-program card (share) or scanned on the join page.
export const canShareInvite = true

export function inviteLink(code: string): string {
  return joinPath(code)
}
