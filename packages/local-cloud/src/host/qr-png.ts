/** A QR code as a PNG: qrcode-generator lays out the modules, pngjs writes them as 8-bit greyscale, black on white with the quiet zone. */
import { PNG } from 'pngjs'
import qrcode from 'qrcode-generator'

/** The quiet zone the QR standard asks for, in modules. */
const QUIET = 4

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
  const grey = Buffer.alloc(size * size, 255)
  for (let y = 0; y < size; y++) {
    const row = modules[Math.floor(y / scale) - QUIET]
    for (let x = 0; x < size; x++) if (row?.[Math.floor(x / scale) - QUIET]) grey[y * size + x] = 0
  }
  // unfiltered scanlines: any reader, the tests' own too, finds each module's pixels as written
  return PNG.sync.write(Object.assign(new PNG({ width: size, height: size }), { data: grey }), {
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    filterType: 0,
  })
}
