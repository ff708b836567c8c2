import { describe, expect, it } from 'vitest'
import type { ItemView } from '../../../shared/api'
import { buildItem, draftOf, imagePathOf, itemPathOf, type ItemDraft } from './item-form'

const TZ = 'Asia/Shanghai'
const SAVED: ItemView = {
  id: 'coupon_10',
  name: '10元优惠券',
  kind: 'coupon',
  points: 1000,
  stock: 50,
  validDays: 30,
  perMemberLimit: null,
  active: true,
  value: { type: 'amountOff', offFen: 10_00, minSpendFen: 100_00 },
  saleStart: '2026-05-01T02:00:00.000Z',
}
const edit = (draft: ItemDraft, texts: Record<string, string>, more: Partial<ItemDraft> = {}): ItemDraft => ({
  ...draft,
  ...more,
  texts: { ...draft.texts, ...texts },
})

describe('the item form', () => {
  it("shows money in 元 and the sale window in the merchant's time, and saves them back as stored", () => {
    const draft = draftOf(SAVED, TZ)
    expect(draft.texts).toMatchObject({
      'value.offFen': '10',
      'value.minSpendFen': '100',
      saleStart: '2026-05-01 10:00',
      perMemberLimit: '',
      points: '1000',
    })
    const built = buildItem(draft, TZ)
    expect(built).toEqual({
      ok: true,
      item: expect.objectContaining({
        id: 'coupon_10',
        points: 1000,
        validDays: 30,
        value: { type: 'amountOff', offFen: 1000, minSpendFen: 10000 },
        saleStart: '2026-05-01T10:00:00+08:00',
      }),
    })
    expect(built.ok && Object.keys(built.item)).not.toContain('perMemberLimit')
  })

  it('puts each problem beside its field, in Chinese, with the bounds the server uses', () => {
    const draft = edit(draftOf(SAVED, TZ), { points: '0', stock: '多', saleEnd: '2026-04-30 10:00', 'value.offFen': '10.555' })
    expect(buildItem(draft, TZ)).toEqual({
      ok: false,
      problems: { points: '不能小于 1', stock: '请填写整数', 'value.offFen': '请填写金额，例如 38 或 38.50' },
    })
    const reversed = edit(draftOf(SAVED, TZ), { saleEnd: '2026-04-30 10:00' })
    expect(buildItem(reversed, TZ)).toEqual({ ok: false, problems: { saleEnd: '秒杀结束时间应晚于开始时间' } })
  })

  it("asks for what a value type needs, and keeps only that type's fields", () => {
    const free = edit(draftOf(SAVED, TZ), {}, { valueType: 'freeOrder' })
    expect(buildItem(free, TZ)).toEqual({ ok: false, problems: { 'value.maxOffFen': '请填写' } })
    const filled = buildItem(edit(free, { 'value.maxOffFen': '50' }), TZ)
    expect(filled.ok && filled.item.value).toEqual({ type: 'freeOrder', maxOffFen: 5000 })
    const plain = buildItem(edit(draftOf(SAVED, TZ), {}, { valueType: 'none' }), TZ)
    expect(plain.ok && Object.keys(plain.item)).not.toContain('value')
  })

  it('starts a new item empty, as a coupon on sale', () => {
    const draft = draftOf(null, TZ)
    expect(draft).toMatchObject({ kind: 'coupon', valueType: 'none', active: true })
    expect(buildItem(draft, TZ)).toMatchObject({ ok: false, problems: { name: '不能为空', points: '请填写', stock: '请填写' } })
  })

  it("reads the field a server's refusal names, and stores a picture with its type's extension", () => {
    expect(itemPathOf('item.value.percent')).toBe('value.percent')
    expect(itemPathOf(undefined)).toBe('')
    expect(imagePathOf('tea', 'blob:http://x/123', 'image/png', 7)).toBe('items/tea/7.png')
    expect(imagePathOf('tea', 'wxfile://tmp/a.JPEG', undefined, 7)).toBe('items/tea/7.jpg')
  })
})
