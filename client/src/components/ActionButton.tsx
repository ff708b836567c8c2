import type { ComponentProps } from 'react'
import { Button } from '@tarojs/components'

type Props = Omit<ComponentProps<typeof Button>, 'disabled'> & { disabled?: boolean }

// A button that looks disabled on both platforms: a class for weapp, and no disabled="false" on H5,
// where Taro styles any [disabled] attribute as disabled.
export function ActionButton({ disabled = false, className = '', ...rest }: Props) {
  return <Button {...rest} className={`${className}${disabled ? ' btn--disabled' : ''}`} disabled={disabled ? true : undefined} />
}
