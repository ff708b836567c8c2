import Taro from '@tarojs/taro'
import { isTab } from '../logic/nav'

// Tab pages are switched to (they take no query), every other page is pushed so the back button returns.
export function go(url: string): void {
  if (isTab(url)) void Taro.switchTab({ url: url.split('?')[0] ?? url })
  else void Taro.navigateTo({ url })
}
