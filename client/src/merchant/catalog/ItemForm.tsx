import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { OwnerItemView } from '../../../../shared/api'
import { ActionButton } from '../../components/ActionButton'
import { ChoiceChips } from '../../components/ChoiceChips'
import { FormRow } from '../../components/FormRow'
import { ErrorLine } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import type { FormField } from '../../logic/form-field'
import { buildItem, draftOf, fieldsOf, ITEM_KINDS, itemPathOf, VALUE_TYPES, type ItemDraft } from '../../logic/item-form'
import { call, type ArgsFor } from '../../services/api'
import { ItemImagePicker } from './ItemImagePicker'

export interface ItemFormProps {
  /** null: a new item. */
  item: OwnerItemView | null
  timeZone: string
  tiers: Array<{ value: string; label: string }>
}

const SHELF = [
  { value: true, label: '上架' },
  { value: false, label: '下架' },
]

const domId = (path: string) => `item-${path.replace(/\./g, '-')}`

/** A refusal or problem about no field the form shows (e.g. the picture's file), for the line above 保存. */
function unplaced(refusal: { path: string; message: string } | null, problems: Record<string, string>, draft: ItemDraft): string | undefined {
  const placed = new Set([...fieldsOf(draft).map((f) => f.path), 'kind', 'minTier', 'active', 'value'])
  if (refusal) return placed.has(refusal.path) ? undefined : refusal.message
  return Object.entries(problems).find(([path]) => !placed.has(path))?.[1]
}

// Creates or edits an item: picture, words, points, stock, limits, the 秒杀 window, who may redeem it and what its voucher is worth.
export function ItemForm({ item, timeZone, tiers }: ItemFormProps) {
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(item, timeZone))
  const [preview, setPreview] = useState(item?.imageUrl ?? null)
  // problems show once the owner has tried to save, or beside a field they changed
  const [tried, setTried] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [refusal, setRefusal] = useState<{ path: string; message: string } | null>(null)
  const save = useMutation((_id, saving: ArgsFor<'store', 'saveItem'>['item']) => call('store', 'saveItem', { item: saving }))
  const built = buildItem(draft, timeZone)
  const problems = built.ok ? {} : built.problems

  const change = (next: Partial<ItemDraft>, path?: string) => {
    setRefusal(null)
    setDraft((d) => ({ ...d, ...next }))
    if (path) setTouched((t) => new Set(t).add(path))
  }
  const problemAt = (path: string) => (refusal?.path === path ? refusal.message : tried || touched.has(path) ? problems[path] : undefined)

  const onSave = async () => {
    setTried(true)
    setRefusal(null)
    if (!built.ok) return
    const env = await save.submit(built.item as ArgsFor<'store', 'saveItem'>['item'])
    if (!env) return
    if (!env.ok) return setRefusal({ path: itemPathOf(env.error.field), message: env.error.message })
    await Taro.showToast({ title: '已保存', icon: 'success' })
    Taro.navigateBack().catch(() => undefined)
  }

  const textRow = (field: FormField) => (
    <FormRow key={field.path} id={domId(field.path)} label={field.label} unit={field.unit} hint={field.hint} problem={problemAt(field.path)}>
      <Input
        className='form-row__input'
        type={field.kind === 'int' || field.kind === 'yuan' ? 'digit' : 'text'}
        value={draft.texts[field.path] ?? ''}
        disabled={field.path === 'id' && item !== null}
        onInput={(e) => change({ texts: { ...draft.texts, [field.path]: e.detail.value } }, field.path)}
      />
    </FormRow>
  )

  const [common, valueFields] = [
    fieldsOf(draft).filter((f) => !f.path.startsWith('value.')),
    fieldsOf(draft).filter((f) => f.path.startsWith('value.')),
  ]
  return (
    <View>
      <View className='card'>
        <View className='card__title'>{item ? `编辑「${item.name}」` : '新增商品'}</View>
        <ItemImagePicker
          itemId={draft.texts.id ?? ''}
          preview={preview}
          onUploaded={(fileID, url) => {
            change({ image: fileID })
            setPreview(url)
          }}
          onRemove={() => {
            change({ image: undefined })
            setPreview(null)
          }}
        />
        {common.map(textRow)}
        <FormRow id='item-kind' label='商品类型' problem={problemAt('kind')}>
          <ChoiceChips options={ITEM_KINDS} selected={draft.kind} onPick={(v) => change({ kind: v as ItemDraft['kind'] })} />
        </FormRow>
        <FormRow id='item-minTier' label='最低会员等级' problem={problemAt('minTier')}>
          <ChoiceChips
            options={[{ value: undefined, label: '不限' }, ...tiers]}
            selected={draft.minTier}
            onPick={(v) => change({ minTier: v as string | undefined })}
          />
        </FormRow>
        <FormRow id='item-active' label='是否上架' hint='下架后商城不再显示，已兑换的券照常可用' problem={problemAt('active')}>
          <ChoiceChips options={SHELF} selected={draft.active} onPick={(v) => change({ active: v as boolean })} />
        </FormRow>
      </View>
      <View className='card' id='item-value'>
        <View className='card__title'>券的面值</View>
        <ChoiceChips options={VALUE_TYPES} selected={draft.valueType} onPick={(v) => change({ valueType: v as ItemDraft['valueType'] })} />
        <ErrorLine message={problemAt('value')} />
        {valueFields.map(textRow)}
      </View>
      <ErrorLine id='item-error' message={unplaced(refusal, tried ? problems : {}, draft)} />
      <ActionButton className='btn' id='item-save' disabled={save.pending} onClick={() => void onSave()}>
        {save.pending ? '保存中…' : '保存'}
      </ActionButton>
    </View>
  )
}
