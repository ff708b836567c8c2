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
} as const
