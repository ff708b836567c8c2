import { useCallback, useEffect, useRef, useState } from 'react'
import { stepDelay } from '../logic/lottery'

// The lottery's moving highlight: walks a path of cells, slowing into the last, and resolves when it lands.
export function useSpin() {
  const [lit, setLit] = useState<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const spin = useCallback((path: number[]) => {
    clearTimeout(timer.current)
    return new Promise<void>((resolve) => {
      const step = (i: number) => {
        if (i >= path.length) return resolve()
        setLit(path[i]!)
        timer.current = setTimeout(() => step(i + 1), stepDelay(i, path.length))
      }
      step(0)
    })
  }, [])

  return { lit, spin }
}
