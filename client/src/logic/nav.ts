import type { Role } from '../services/contract'

// Page routes in one place so links and tests agree.
export const ROUTES = {
  home: '/pages/index/index',
  checkin: '/pages/checkin/index',
  mall: '/pages/mall/index',
  vouchers: '/pages/vouchers/index',
  history: '/pages/history/index',
  profile: '/pages/profile/index',
  scan: '/pages/scan/index',
  memberCode: '/pages/member-code/index',
  staff: '/merchant/staff/index',
  admin: '/merchant/admin/index',
  rules: '/merchant/rules/index',
  catalog: '/merchant/catalog/index',
  itemEdit: '/merchant/catalog/edit',
  members: '/merchant/members/index',
  member: '/merchant/member/index',
  team: '/merchant/team/index',
  join: '/merchant/join/index',
  exportData: '/merchant/export/index',
} as const

// The tab bar's pages (app.config.ts): reached with switchTab, never pushed on the page stack.
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.mall, ROUTES.profile]

export const isTab = (url: string): boolean => TAB_ROUTES.includes(url.split('?')[0] ?? url)

export interface Entry {
  id: string
  label: string
  icon: string
  url: string
}

const ENTRIES = {
  memberCode: { id: 'member-code', label: '会员码', icon: '码', url: ROUTES.memberCode },
  scan: { id: 'scan', label: '扫码积分', icon: '扫', url: ROUTES.scan },
  checkin: { id: 'checkin', label: '签到日历', icon: '历', url: ROUTES.checkin },
  vouchers: { id: 'vouchers', label: '我的券', icon: '券', url: ROUTES.vouchers },
  history: { id: 'history', label: '积分明细', icon: '明', url: ROUTES.history },
  staff: { id: 'staff', label: '店员工作台', icon: '店', url: ROUTES.staff },
  admin: { id: 'admin', label: '店主后台', icon: '管', url: ROUTES.admin },
} satisfies Record<string, Entry>

export type EntryId = Exclude<keyof typeof ENTRIES, 'staff' | 'admin'>

// What each role adds: a clerk's desk for staff, and the owner's back office too for admins (who may also serve).
const FOR_ROLE: Record<Role, Entry[]> = {
  member: [],
  staff: [ENTRIES.staff],
  admin: [ENTRIES.staff, ENTRIES.admin],
}

/** A page's entries, then the staff and owner entries the caller's role opens. */
export function entriesFor(role: Role, ids: readonly EntryId[]): Entry[] {
  return [...ids.map((id) => ENTRIES[id]), ...FOR_ROLE[role]]
}
