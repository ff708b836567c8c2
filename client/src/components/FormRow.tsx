import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import './FormRow.css'

interface Props {
  id: string
  label: string
  unit?: string
  hint?: string
  /** Why the value is not accepted; shown instead of the hint, in red. */
  problem?: string
}

// One labelled value of an owner's form: label, control and unit on a line, the reason (or a hint) below.
export function FormRow({ id, label, unit, hint, problem, children }: PropsWithChildren<Props>) {
  return (
    <View className={`form-row${problem ? ' form-row--bad' : ''}`} id={id}>
      <View className='form-row__line'>
        <Text className='form-row__label'>{label}</Text>
        <View className='form-row__control'>{children}</View>
        {unit && <Text className='form-row__unit'>{unit}</Text>}
      </View>
      {problem ? <View className='form-row__problem'>{problem}</View> : hint && <View className='form-row__hint'>{hint}</View>}
    </View>
  )
}
