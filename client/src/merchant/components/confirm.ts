import Taro from '@tarojs/taro'

// Asks before a change to someone else's points, status or job; true only on 确定.
export async function confirmed(title: string, content: string): Promise<boolean> {
  try {
    return (await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' })).confirm
  } catch {
    return false
  }
}

export const toastDone = (title: string) => void Taro.showToast({ title, icon: 'success' })
