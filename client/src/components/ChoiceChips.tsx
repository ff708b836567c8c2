import { View } from '@tarojs/components'
import './ChoiceChips.css'

interface Option {
  value: unknown
  label: string
}

interface Props {
  options: ReadonlyArray<Option>
  /** The value chosen; with `multiple`, the list of values chosen. */
  selected: unknown
  multiple?: boolean
  onPick: (value: unknown) => void
}

// A choice among a few values as chips, the chosen ones green.
export function ChoiceChips({ options, selected, multiple = false, onPick }: Props) {
  const on = (v: unknown) => (multiple ? Array.isArray(selected) && selected.includes(v) : selected === v)
  return (
    <View className='choice-chips'>
      {options.map((o) => (
        <View key={o.label} className={`choice-chip${on(o.value) ? ' choice-chip--on' : ''}`} onClick={() => onPick(o.value)}>
          {o.label}
        </View>
      ))}
    </View>
  )
}
