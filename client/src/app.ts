import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Without TARO_APP_CLOUD_ENV the environment is the one selected in the WeChat IDE.
    const env = process.env.TARO_APP_CLOUD_ENV
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  })
  return children
}

export default App
