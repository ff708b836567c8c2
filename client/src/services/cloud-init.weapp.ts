import Taro from '@tarojs/taro'

// wx.cloud before any call; without TARO_APP_CLOUD_ENV the environment is the one selected in the WeChat IDE.
export function initCloud(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}
