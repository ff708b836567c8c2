import { describe, expect, it } from 'vitest'
import { changedProfile, formOf } from './profile'

describe('profile form', () => {
  it('starts from what the server holds', () => {
    expect(formOf({ nickname: '小王', profile: { birthday: '1965-03-04', address: null, birthdayAwarded: true, addressAwarded: false } })).toEqual({
      nickname: '小王',
      birthday: '1965-03-04',
      address: '',
    })
  })

  it('sends only the filled fields, trimmed', () => {
    expect(changedProfile({ nickname: '  小王 ', birthday: '', address: '   ' })).toEqual({ nickname: '小王' })
    expect(changedProfile({ nickname: '', birthday: '1950-01-01', address: '上海' })).toEqual({ birthday: '1950-01-01', address: '上海' })
  })
})
