import { ROUTES } from './nav'

// The page a friend lands on: the mall, with the share to reward and the item to point at.
export function sharePath(shareId: string | null, itemId?: string): string {
  const query = [shareId ? `shareId=${encodeURIComponent(shareId)}` : '', itemId ? `itemId=${encodeURIComponent(itemId)}` : '']
    .filter(Boolean)
    .join('&')
  return query ? `${ROUTES.mall}?${query}` : ROUTES.mall
}

export function shareTitle(itemName?: string): string {
  return itemName ? `我在用积分兑换「${itemName}」，一起来攒积分吧` : '一起来攒积分换好礼'
}

// weapp hands the tapped share button's data-* to onShareAppMessage; that is how an item travels.
export function sharedItemId(res: { from?: string; target?: unknown }): string | undefined {
  if (res.from !== 'button') return undefined
  const dataset = (res.target as { dataset?: Record<string, unknown> } | undefined)?.dataset
  const id = dataset?.itemId ?? dataset?.itemid
  return typeof id === 'string' && id ? id : undefined
}
