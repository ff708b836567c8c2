/** Draws the tab bar's icons (home, mall, me; grey and green) as 81×81 PNGs into client/src/assets/tab/: `npx tsx scripts/tab-icons.ts`. */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const SIZE = 81
const COLORS = { idle: [0x8a, 0x8f, 0x99], active: [0x07, 0xc1, 0x60] } as const
type Shape = (x: number, y: number) => boolean

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRing = (x: number, y: number, cx: number, cy: number, r: number, w: number) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w)

// Shapes on a 0..1 square: a house, a gift box, a person.
const SHAPES: Record<string, Shape> = {
  home: (x, y) =>
    (y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.15) ||
    (inRect(x, y, 0.22, 0.48, 0.78, 0.86) && !inRect(x, y, 0.42, 0.62, 0.58, 0.86)),
  mall: (x, y) =>
    inRect(x, y, 0.16, 0.34, 0.84, 0.48) ||
    (inRect(x, y, 0.22, 0.5, 0.78, 0.86) && !inRect(x, y, 0.46, 0.5, 0.54, 0.86)) ||
    inRing(x, y, 0.38, 0.26, 0.11, 0.05) ||
    inRing(x, y, 0.62, 0.26, 0.11, 0.05),
  me: (x, y) => inCircle(x, y, 0.5, 0.32, 0.17) || (y >= 0.56 && y <= 0.86 && inCircle(x, y, 0.5, 0.92, 0.36)),
}

// Four samples a pixel for soft edges.
function pixels(shape: Shape, [r, g, b]: readonly number[]): Buffer {
  const rows: Buffer[] = []
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const)
        hits += shape((px + dx) / SIZE, (py + dy) / SIZE) ? 1 : 0
      row.set([r!, g!, b!, Math.round((hits / 4) * 255)], 1 + px * 4)
    }
    rows.push(row)
  }
  return Buffer.concat(rows)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
function png(raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = path.join(__dirname, '..', 'client', 'src', 'assets', 'tab')
fs.mkdirSync(out, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS))
    fs.writeFileSync(path.join(out, `${name}${state === 'active' ? '-active' : ''}.png`), png(pixels(shape, color)))
}
console.log(`tab icons written to ${path.relative(process.cwd(), out)}`)
