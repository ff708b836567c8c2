import path from 'node:path'
import { crc32, inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { qrModules } from './qr-png'
import { startLocalCloud, type TestLocalCloud } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestLocalCloud

beforeAll(async () => {
  cloud = await startLocalCloud({ collections: TEST_COLLECTIONS, functionsDir: path.join(__dirname, 'fixtures') })
})

afterAll(async () => {
  await cloud?.close()
})

interface Poster {
  errCode?: number
  contentType?: string
  png?: string
  failed?: boolean
}

/** Reads an 8-bit greyscale PNG back into dark/light pixels, checking its signature and chunk CRCs on the way. */
function readPng(png: Buffer): { width: number; height: number; dark: (x: number, y: number) => boolean } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  let at = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (at < png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('ascii', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + length)
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)))
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([...data.subarray(8)]).toEqual([8, 0, 0, 0, 0])
    }
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  expect(raw.length).toBe(height * (width + 1))
  return { width, height, dark: (x, y) => raw[y * (width + 1) + 1 + x] === 0 }
}

/** The module grid a scanner would see: each module's centre pixel, inside the 4-module quiet zone. */
function modulesOf(png: Buffer, count: number): boolean[][] {
  const image = readPng(png)
  const scale = image.width / (count + 8)
  expect(Number.isInteger(scale)).toBe(true)
  for (let x = 0; x < image.width; x += scale) expect(image.dark(x, 0)).toBe(false)
  return Array.from({ length: count }, (_, r) =>
    Array.from({ length: count }, (_, c) => image.dark(Math.floor((c + 4.5) * scale), Math.floor((r + 4.5) * scale))),
  )
}

describe('wxacode', () => {
  it('getUnlimited answers a PNG whose QR code opens the page with the scene', async () => {
    const reply = await cloud.call<Poster>('poster', { data: { scene: 'store=42&by=ann', page: 'pages/store/index', width: 430 } })
    expect(reply.body).toMatchObject({ errCode: 0, contentType: 'image/png' })
    const png = Buffer.from(reply.body.png ?? '', 'base64')
    const expected = qrModules('pages/store/index?scene=store%3D42%26by%3Dann')
    const image = readPng(png)
    expect(image.width).toBe(image.height)
    expect(image.width).toBeGreaterThanOrEqual(280)
    expect(image.width).toBeLessThanOrEqual(430)
    expect(modulesOf(png, expected.length)).toEqual(expected)
  })

  it('get and createQRCode encode their path', async () => {
    for (const api of ['get', 'createQRCode']) {
      const reply = await cloud.call<Poster>('poster', { api, data: { path: 'pages/item/index?id=coffee' } })
      const expected = qrModules('pages/item/index?id=coffee')
      expect(modulesOf(Buffer.from(reply.body.png ?? '', 'base64'), expected.length)).toEqual(expected)
    }
  })

  it('refuses a scene over 32 characters as WeChat does (40169)', async () => {
    const reply = await cloud.call<Poster>('poster', { data: { scene: 'x'.repeat(33), page: 'pages/index/index' } })
    expect(reply.body).toMatchObject({ failed: true, errCode: 40169 })
  })
})
