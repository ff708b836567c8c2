import { describe, expect, it } from 'vitest'
import { sharedItemId, sharePath, shareTitle } from './share'

describe('sharing an item', () => {
  it('builds the landing path with the share and the item', () => {
    expect(sharePath('S1', 'coffee')).toBe('/pages/mall/index?shareId=S1&itemId=coffee')
    expect(sharePath('S1')).toBe('/pages/mall/index?shareId=S1')
    expect(sharePath(null)).toBe('/pages/mall/index')
  })

  it('reads the item from the tapped share button only', () => {
    expect(sharedItemId({ from: 'button', target: { dataset: { itemId: 'coffee' } } })).toBe('coffee')
    expect(sharedItemId({ from: 'menu', target: { dataset: { itemId: 'coffee' } } })).toBeUndefined()
    expect(sharedItemId({ from: 'button', target: {} })).toBeUndefined()
  })

  it('names the item in the share card', () => {
    expect(shareTitle('中杯咖啡')).toBe('我在用积分兑换「中杯咖啡」，一起来攒积分吧')
    expect(shareTitle()).toBe('一起来攒积分换好礼')
  })
})
