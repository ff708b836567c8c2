import type { ComponentProps } from 'react'
import { Button } from '@tarojs/components'

type Props = Omit<ComponentProps<typeof Button>, 'disabled'> & { disabled?: boolean }

// A button that looks disabled on both platforms: a class for weapp, and no disabled="false" on H5,
// where Taro styles any [disabled] attribute as disabled. A disabled one has no handler: H5 and weapp both fire taps on it.
export function ActionButton({ disabled = false, className = '', onClick, ...rest }: Props) {
  return (
    <Button
      {...rest}
      onClick={disabled ? undefined : onClick}
      className={`${className}${disabled ? ' btn--disabled' : ''}`}
      disabled={disabled ? true : undefined}
    />
  )
}
