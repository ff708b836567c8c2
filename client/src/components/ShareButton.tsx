import { Button } from '@tarojs/components'

export interface ShareButtonProps {
  id: string
  className: string
  label: string
  itemId?: string
  onShare: (itemId?: string) => void
}

// H5 has no share sheet: the page makes a link for the shopper to copy.
export function ShareButton({ id, className, label, itemId, onShare }: ShareButtonProps) {
  return (
    <Button className={className} id={id} onClick={() => onShare(itemId)}>
      {label}
    </Button>
  )
}
