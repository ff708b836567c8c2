import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCloud, type TestLocalCloud } from '@points-club/wechat-local-cloud/testing'
import type { FetchLike } from './envelope'
import { uploadOverHttp } from './upload'

// The H5 upload path against a running local cloud (its storage test function reads the files back).
let cloud: TestLocalCloud
const http = fetch as unknown as FetchLike

beforeAll(async () => {
  cloud = await startLocalCloud({ functionsDir: path.join(__dirname, '../../../packages/local-cloud/src/storage/fixtures') })
})

afterAll(async () => {
  await cloud?.close()
})

const readBack = async (fileID: string): Promise<Buffer> => {
  const reply = await cloud.call<{ ok: boolean; data: { base64: string } }>('files', { action: 'download', fileID }, 'demo-admin')
  return Buffer.from(reply.body.data.base64, 'base64')
}

describe('uploadFile on H5', () => {
  it('stores a picked File and answers a fileID whose bytes a cloud function reads back', async () => {
    const bytes = randomBytes(200_000)
    const env = await uploadOverHttp(http, new File([bytes], 'mug.png'), 'catalog/mug.png', cloud.url)
    expect(env).toEqual({ ok: true, data: { fileID: expect.stringMatching(/^cloud:\/\/local\.[^/]+\/catalog\/mug\.png$/) } })
    if (!env.ok) return
    expect((await readBack(env.data.fileID)).equals(bytes)).toBe(true)
  })

  it('reads a temp file path (the URL the H5 picker hands out)', async () => {
    const bytes = randomBytes(1000)
    const env = await uploadOverHttp(http, `data:image/png;base64,${bytes.toString('base64')}`, 'catalog/picked.png', cloud.url)
    expect(env.ok).toBe(true)
    if (env.ok) expect((await readBack(env.data.fileID)).equals(bytes)).toBe(true)
  })

  it('answers a plain Chinese INVALID_ARGUMENT for a cloud path the local cloud refuses, storing nothing', async () => {
    const files = (): string[] => fs.readdirSync(path.dirname(cloud.storage.root), { recursive: true }) as string[]
    const before = files()
    const env = await uploadOverHttp(http, new File(['x'], 'x.png'), '../escape.png', cloud.url)
    expect(env).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件名或文件内容不合规，请换一个文件重试' } })
    expect(files()).toEqual(before)
  })

  it('answers a network failure in Chinese when the local cloud is unreachable', async () => {
    const env = await uploadOverHttp(http, new File(['x'], 'x.png'), 'catalog/x.png', 'http://127.0.0.1:1')
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } })
  })
})
