// The owner's item form: its fields, the item as text to edit, and the item to save with each problem beside its field.
import type { ItemKind, ItemView } from '../../../shared/api'
import { instantOfLocalTime, localTimeOf } from '../../../shared/calendar'
import { problemOf } from '../../../shared/input-errors'
import { itemInput } from '../../../shared/schemas'
import type { VoucherValue } from '../../../shared/voucher-value'
import { formatValue, parseText, setAt, valueAt, type FormField } from './form-field'

export type ValueType = VoucherValue['type'] | 'none'

export const ITEM_KINDS: ReadonlyArray<{ value: ItemKind; label: string }> = [
  { value: 'coupon', label: '优惠券' },
  { value: 'goods', label: '实物' },
  { value: 'privilege', label: '权益' },
]

export const VALUE_TYPES: ReadonlyArray<{ value: ValueType; label: string }> = [
  { value: 'none', label: '到店核销' },
  { value: 'amountOff', label: '满减' },
  { value: 'percentOff', label: '折扣' },
  { value: 'freeOrder', label: '免单' },
  { value: 'pointsMultiplier', label: '积分翻倍' },
]

/** The fields typed as text, in the order the form shows them. */
export const ITEM_FIELDS: FormField[] = [
  { path: 'name', label: '商品名称', kind: 'text' },
  { path: 'id', label: '商品编号', kind: 'text', hint: '字母或数字，保存后不能修改' },
  { path: 'description', label: '商品介绍', kind: 'text', optional: true },
  { path: 'points', label: '兑换所需', kind: 'int', unit: '积分' },
  { path: 'stock', label: '库存', kind: 'int', unit: '件' },
  { path: 'perMemberLimit', label: '每人限兑', kind: 'int', unit: '件', optional: true, hint: '不填则不限' },
  { path: 'validDays', label: '兑换后有效', kind: 'int', unit: '天', optional: true, hint: '不填则按规则里的兑换券有效期' },
  { path: 'saleStart', label: '秒杀开始', kind: 'datetime', optional: true, hint: '例如 2026-05-01 10:00；不填则立即开售' },
  { path: 'saleEnd', label: '秒杀结束', kind: 'datetime', optional: true, hint: '不填则一直在售' },
]

/** The fields of each voucher value type. */
export const VALUE_FIELDS: Record<VoucherValue['type'], FormField[]> = {
  amountOff: [
    { path: 'value.offFen', label: '减免金额', kind: 'yuan', unit: '元' },
    { path: 'value.minSpendFen', label: '满多少可用', kind: 'yuan', unit: '元', optional: true, hint: '不填则无门槛' },
  ],
  percentOff: [
    { path: 'value.percent', label: '每单立减', kind: 'int', unit: '%', hint: '例如 20 即八折' },
    { path: 'value.maxOffFen', label: '最多减', kind: 'yuan', unit: '元', optional: true, hint: '不填则不封顶' },
    { path: 'value.minSpendFen', label: '满多少可用', kind: 'yuan', unit: '元', optional: true, hint: '不填则无门槛' },
  ],
  freeOrder: [{ path: 'value.maxOffFen', label: '最多免', kind: 'yuan', unit: '元' }],
  pointsMultiplier: [{ path: 'value.multiplier', label: '消费积分', kind: 'int', unit: '×' }],
}

/** The item as the form holds it: typed text by field path, and what is picked with chips. */
export interface ItemDraft {
  texts: Record<string, string>
  kind: ItemKind
  valueType: ValueType
  minTier: string | undefined
  active: boolean
  /** Cloud file ID of the picture. */
  image: string | undefined
}

/** A new item, or one to edit, as the form's text; its sale window in the merchant's time. */
export function draftOf(item: ItemView | null, timeZone: string): ItemDraft {
  const source = (item ?? {}) as Record<string, unknown>
  const texts: Record<string, string> = {}
  for (const field of [...ITEM_FIELDS, ...Object.values(VALUE_FIELDS).flat()]) {
    const value = valueAt(source, field.path)
    texts[field.path] = field.kind === 'datetime' && typeof value === 'string' ? localTimeOf(value, timeZone) : formatValue(field, value)
  }
  // a limit of none is stored as null, and the default validity is the rules'
  if (item?.perMemberLimit === null) texts.perMemberLimit = ''
  return {
    texts,
    kind: item?.kind ?? 'coupon',
    valueType: item?.value?.type ?? 'none',
    minTier: item?.minTier,
    active: item?.active ?? true,
    image: item?.image,
  }
}

/** The fields the draft shows: the common ones and its value type's. */
export const fieldsOf = (draft: ItemDraft): FormField[] => [...ITEM_FIELDS, ...(draft.valueType === 'none' ? [] : VALUE_FIELDS[draft.valueType])]

export type Built = { ok: true; item: Record<string, unknown> } | { ok: false; problems: Record<string, string> }

/** The item to save, judged by the same schema the server uses; otherwise each problem by its field's path. */
export function buildItem(draft: ItemDraft, timeZone: string): Built {
  const problems: Record<string, string> = {}
  let item: Record<string, unknown> = { kind: draft.kind, active: draft.active, minTier: draft.minTier, image: draft.image }
  if (draft.valueType !== 'none') item.value = { type: draft.valueType }
  for (const field of fieldsOf(draft)) {
    const parsed = readField(field, draft.texts[field.path] ?? '', timeZone)
    if (parsed.ok) item = setAt(item, field.path, parsed.value)
    else problems[field.path] = parsed.error
  }
  const checked = itemInput.safeParse(item, { error: (issue) => problemOf(issue) })
  for (const issue of checked.success ? [] : checked.error.issues) {
    // the window's order is the one refusal about two fields: it shows beside the end
    const path = issue.path.length ? issue.path.map(String).join('.') : 'saleEnd'
    problems[path] ??= valueAt(item, path) === undefined ? '请填写' : issue.message
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, item }
}

function readField(field: FormField, text: string, timeZone: string): ReturnType<typeof parseText> {
  if (field.kind !== 'datetime' || !text.trim()) return parseText(field, text)
  const at = instantOfLocalTime(text, timeZone)
  return at ? { ok: true, value: at } : { ok: false, error: '请按 2026-05-01 10:00 的格式填写' }
}

/** The field a server's refusal names (`item.points` → `points`), or '' when it names none. */
export const itemPathOf = (field: string | undefined): string => (field?.startsWith('item.') ? field.slice('item.'.length) : '')

/** Where an uploaded picture is stored: under the item, with the extension that types it when served. */
export function imagePathOf(itemId: string, source: string, mime: string | undefined, now: number): string {
  const ext = /\.(png|jpe?g|gif|webp)$/i.exec(source)?.[1] ?? /^image\/(png|jpeg|gif|webp)$/.exec(mime ?? '')?.[1] ?? 'jpg'
  return `items/${itemId || 'new'}/${now}.${ext.toLowerCase().replace('jpeg', 'jpg')}`
}
