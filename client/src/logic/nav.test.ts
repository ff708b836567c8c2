import { describe, expect, it } from 'vitest'
import { entriesFor, isTab, ROUTES } from './nav'

const labels = (role: 'member' | 'staff' | 'admin') => entriesFor(role, ['memberCode', 'vouchers']).map((e) => e.label)

describe('entries by role', () => {
  it('never shows a shopper the staff or owner entries', () => {
    expect(labels('member')).toEqual(['会员码', '我的券'])
  })

  it('shows a clerk the desk, and an owner the desk and the back office', () => {
    expect(labels('staff')).toEqual(['会员码', '我的券', '店员工作台'])
    expect(labels('admin')).toEqual(['会员码', '我的券', '店员工作台', '店主后台'])
  })
})

describe('tab pages', () => {
  it('are the home, the mall and 我的, with or without a query', () => {
    expect([ROUTES.home, ROUTES.mall, `${ROUTES.mall}?itemId=coffee`, ROUTES.profile].map(isTab)).toEqual([true, true, true, true])
    expect([ROUTES.history, ROUTES.checkin, ROUTES.staff].map(isTab)).toEqual([false, false, false])
  })
})
