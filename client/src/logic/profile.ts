import type { Summary } from '../services/contract'

export interface ProfileFields {
  nickname: string
  birthday: string
  address: string
}

// The picker offers birthdays from 1920 on, and opens on a year most shoppers scroll little from.
export const BIRTHDAY_EARLIEST = '1920-01-01'
export const BIRTHDAY_PICKER_START = '1990-01-01'

/** The form as the server holds the profile. */
export function formOf(s: Pick<Summary, 'nickname' | 'profile'>): ProfileFields {
  return { nickname: s.nickname ?? '', birthday: s.profile.birthday ?? '', address: s.profile.address ?? '' }
}

/** What a save sends: only the fields with something in them, trimmed. */
export function changedProfile(f: ProfileFields): Partial<ProfileFields> {
  const out: Partial<ProfileFields> = {}
  if (f.nickname.trim()) out.nickname = f.nickname.trim()
  if (f.birthday) out.birthday = f.birthday
  if (f.address.trim()) out.address = f.address.trim()
  return out
}
