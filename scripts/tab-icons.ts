/** Draws the tab bar's icons (home, mall, me; grey and green) as 81×81 PNGs into client/src/assets/tab/: `npx tsx scripts/tab-icons.ts`. */
import fs from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'

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
function png(shape: Shape, [r, g, b]: readonly number[]): Buffer {
  const image = new PNG({ width: SIZE, height: SIZE })
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const)
        hits += shape((px + dx) / SIZE, (py + dy) / SIZE) ? 1 : 0
      image.data.set([r!, g!, b!, Math.round((hits / 4) * 255)], (py * SIZE + px) * 4)
    }
  }
  return PNG.sync.write(image, { deflateLevel: 9, deflateStrategy: 0, filterType: 0 }) // zlib defaults, unfiltered: the smallest files for these flat shapes
}

const out = path.join(__dirname, '..', 'client', 'src', 'assets', 'tab')
fs.mkdirSync(out, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS))
    fs.writeFileSync(path.join(out, `${name}${state === 'active' ? '-active' : ''}.png`), png(shape, color))
}
console.log(`tab icons written to ${path.relative(process.cwd(), out)}`)
