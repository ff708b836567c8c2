import { isValidElement, type ReactElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ActionButton } from './ActionButton'

// Taro's components need a page to render into; what matters here is the props ActionButton hands the native button.
vi.mock('@tarojs/components', () => ({ Button: 'button' }))

type ButtonProps = { onClick?: () => void; disabled?: boolean; className: string }
const rendered = (props: Parameters<typeof ActionButton>[0]) => {
  const el = ActionButton(props) as ReactElement<ButtonProps>
  expect(isValidElement(el)).toBe(true)
  return el.props
}

describe('a disabled ActionButton', () => {
  // weapp fires tap on a disabled <button>, so the grey button must carry no handler at all
  it('hands the native button no tap handler', () => {
    const onClick = vi.fn()
    const props = rendered({ disabled: true, onClick, className: 'btn' })
    expect(props.onClick).toBeUndefined()
    expect(props.disabled).toBe(true)
    expect(props.className).toBe('btn btn--disabled')
  })

  it('keeps the handler while enabled, without a disabled attribute', () => {
    const onClick = vi.fn()
    const props = rendered({ onClick, className: 'btn' })
    expect(props.onClick).toBe(onClick)
    expect(props.disabled).toBeUndefined()
  })
})
