import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The cloud environment is the one selected in the WeChat IDE; traceUser records visitors.
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true })
  })
  return children
}

export default App
