// H5: the Canvas component renders an HTML canvas inside its element; f2 draws on its 2d context.
export interface Canvas2d { context: CanvasRenderingContext2D; width: number; height: number; pixelRatio: number }

export async function canvas2d(id: string): Promise<Canvas2d | null> {
  const el = document.querySelector<HTMLCanvasElement>(`#${id} canvas, canvas#${id}`)
  const context = el?.getContext('2d')
  if (!el || !context) return null
  const { width, height } = el.getBoundingClientRect()
  const pixelRatio = window.devicePixelRatio || 1
  el.width = Math.round(width * pixelRatio)
  el.height = Math.round(height * pixelRatio)
  return { context, width, height, pixelRatio }
}
