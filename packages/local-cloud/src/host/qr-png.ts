/**
 * A QR code as a PNG: qrcode-generator lays out the modules, and a few lines write them as an 8-bit
 * greyscale PNG (signature, IHDR, one zlib-deflated IDAT, IEND), black on white with the quiet zone.
 */
import { deflateSync } from 'node:zlib'
import qrcode from 'qrcode-generator'

/** The quiet zone the QR standard asks for, in modules. */
const QUIET = 4
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The dark/light modules of `text` (error correction M), row by row. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

/** A PNG about `width` pixels wide (whole pixels per module, at least one) showing the QR code of `text`. */
export function qrPng(text: string, width: number): Buffer {
  const modules = qrModules(text)
  const span = modules.length + 2 * QUIET
  const scale = Math.max(1, Math.floor(width / span))
  const size = span * scale
  const raw = Buffer.alloc(size * (size + 1), 255)
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0 // filter type None for every scanline
    const row = modules[Math.floor(y / scale) - QUIET]
    for (let x = 0; x < size; x++) {
      if (row?.[Math.floor(x / scale) - QUIET]) raw[y * (size + 1) + 1 + x] = 0
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, deflate, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
