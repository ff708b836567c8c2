import { Axis, Canvas as F2Canvas, Chart, jsx, Legend, Line } from '@antv/f2'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { TREND_FLOWS, trendPoints, type Metrics } from '../../logic/metrics'
import { canvas2d } from '../components/canvas'

// f2's element types are stricter than its classes' constructors; its own JSX transform would not check them either.
const node = (type: unknown, props: object) => jsx(type as Parameters<typeof jsx>[0], props)
// f2's theme is in design px (750 wide), halved by default; this page reads better a size larger
const px2hd = (designPx: number) => designPx * 0.65
const COLORS = ['#07c160', '#fa9d3b', '#8a8f99']
const ID = 'trend-chart'

// Points issued, redeemed and expired per day, drawn by f2 on a 2d canvas (H5 and weapp alike).
export function TrendChart({ trend }: { trend: Metrics['trend'] }) {
  const chart = useRef<F2Canvas | null>(null)
  useEffect(() => {
    let gone = false
    void canvas2d(ID).then((target) => {
      if (!target || gone) return
      const children = node(Chart, {
        data: trendPoints(trend),
        scale: { points: { min: 0, nice: true }, day: { tickCount: 5 } },
        children: [
          node(Axis, { field: 'day' }),
          node(Axis, { field: 'points' }),
          node(Line, { x: 'day', y: 'points', color: { field: 'flow', range: COLORS } }),
          node(Legend, { position: 'top' }),
        ],
      })
      chart.current?.destroy()
      chart.current = new F2Canvas({ ...target, animate: false, px2hd, children })
      void chart.current.render()
    })
    return () => {
      gone = true
    }
  }, [trend])
  useEffect(() => () => chart.current?.destroy(), [])
  return (
    <View className='gap-top' id='trend'>
      <View className='card__title'>
        每日积分趋势<View className='card__hint'>{TREND_FLOWS.join('、')}</View>
      </View>
      <Canvas type='2d' id={ID} canvasId={ID} className='trend' />
    </View>
  )
}
