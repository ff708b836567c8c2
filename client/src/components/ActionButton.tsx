import type { ComponentProps } from 'react'
import { Button } from '@tarojs/components'

type Props = Omit<ComponentProps<typeof Button>, 'disabled'> & { disabled?: boolean }

// A button that looks disabled on both platforms (a class for weapp, no disabled="false" on H5, where Taro styles any
// [disabled] attribute as disabled) and is inert: a disabled button gets no tap handler, since a tap on one still
// reaches the page's handler on H5 and weapp alike.
export function ActionButton({ disabled = false, className = '', onClick, ...rest }: Props) {
  return <Button {...rest} className={`${className}${disabled ? ' btn--disabled' : ''}`} disabled={disabled ? true : undefined} onClick={disabled ? undefined : onClick} />
}
