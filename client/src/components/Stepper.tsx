import { Text, View } from '@tarojs/components'
import { ActionButton } from './ActionButton'

interface Props {
  id: string
  value: string
  onStep: (direction: 1 | -1) => void
  canDown: boolean
  canUp: boolean
  disabled?: boolean
}

// − value +: a disabled side does nothing, on H5 and weapp alike.
export function Stepper({ id, value, onStep, canDown, canUp, disabled = false }: Props) {
  return (
    <View className='stepper' id={id}>
      <ActionButton className='stepper__btn' id={`${id}-down`} disabled={disabled || !canDown} onClick={() => onStep(-1)}>
        －
      </ActionButton>
      <Text className='stepper__value' id={`${id}-value`}>
        {value}
      </Text>
      <ActionButton className='stepper__btn' id={`${id}-up`} disabled={disabled || !canUp} onClick={() => onStep(1)}>
        ＋
      </ActionButton>
    </View>
  )
}
