import { Button } from '@tarojs/components'
import type { ShareButtonProps } from './ShareButton'

// WeChat's own share sheet; the page's onShareAppMessage reads the item from data-item-id.
export function ShareButton({ id, className, label, itemId }: ShareButtonProps) {
  return (
    <Button className={className} id={id} openType='share' data-item-id={itemId}>
      {label}
    </Button>
  )
}
