// H5: the Canvas component renders an HTML canvas inside its element; f2 draws on its 2d context.
export interface Canvas2d {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
}

const TRIES = 40
const pause = () => new Promise((r) => setTimeout(r, 50))

// Taro's H5 canvas is a web component that adds its <canvas> after React mounts it, so look again for a moment.
async function findCanvas(id: string): Promise<HTMLCanvasElement | null> {
  for (let i = 0; i < TRIES; i++) {
    const el = document.querySelector<HTMLCanvasElement>(`#${id} canvas, canvas#${id}`)
    if (el && el.getBoundingClientRect().width > 0) return el
    await pause()
  }
  return null
}

export async function canvas2d(id: string): Promise<Canvas2d | null> {
  const el = await findCanvas(id)
  const context = el?.getContext('2d')
  if (!el || !context) return null
  const { width, height } = el.getBoundingClientRect()
  const pixelRatio = window.devicePixelRatio || 1
  el.width = Math.round(width * pixelRatio)
  el.height = Math.round(height * pixelRatio)
  return { context, width, height, pixelRatio }
}
