import Taro from '@tarojs/taro'

// weapp: a <Canvas type='2d'> node comes from a selector query; its backing store is sized for the screen's pixel ratio.
export interface Canvas2d {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
}

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D
}

export function canvas2d(id: string): Promise<Canvas2d | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const found = res[0]
        if (!found?.node) return resolve(null)
        const pixelRatio = Taro.getWindowInfo().pixelRatio
        found.node.width = Math.round(found.width * pixelRatio)
        found.node.height = Math.round(found.height * pixelRatio)
        resolve({ context: found.node.getContext('2d'), width: found.width, height: found.height, pixelRatio })
      })
  })
}
