import Taro from '@tarojs/taro'
import type { Envelope } from './contract'
import { callOverHttp, internal, toEnvelope } from './envelope'
import { currentIdentity } from './identity'
import { uploadOverHttp, type Uploaded, type UploadSource } from './upload'

// One entry point for every page: wx.cloud on weapp, the local cloud's HTTP route on H5.
export async function callFunction<T>(name: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  if (process.env.TARO_ENV === 'weapp') return callCloud<T>(name, event)
  return callOverHttp<T>(fetch, name, event, currentIdentity())
}

async function callCloud<T>(name: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: event })
    return toEnvelope<T>(res.result)
  } catch {
    // the platform's own error text is English: the shopper reads what to do instead
    return internal<T>('网络连接失败，请检查网络后重试')
  }
}

// Stores a file in cloud storage at `cloudPath` and answers its fileID: wx.cloud on weapp, the local cloud's upload route on H5.
export async function uploadFile(source: UploadSource, cloudPath: string): Promise<Uploaded> {
  if (process.env.TARO_ENV === 'weapp') return uploadToCloud(source, cloudPath)
  return uploadOverHttp(fetch, source, cloudPath)
}

async function uploadToCloud(source: UploadSource, cloudPath: string): Promise<Uploaded> {
  if (typeof source !== 'string') return internal('请从相册或相机选择文件')
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: source })
    return { ok: true, data: { fileID: res.fileID } }
  } catch {
    return internal('上传失败，请检查网络后重试')
  }
}
