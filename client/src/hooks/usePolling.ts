import { useEffect, useRef, useState } from 'react'

// Runs `tick` every `ms` while `active`, one call at a time (a slow answer is never overlapped by the next).
export function usePolling(tick: () => Promise<unknown>, ms: number, active: boolean): void {
  const tickRef = useRef(tick)
  tickRef.current = tick
  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const loop = async () => {
      await tickRef.current()
      if (!stopped) timer = setTimeout(() => void loop(), ms)
    }
    timer = setTimeout(() => void loop(), ms)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [ms, active])
}

// The current time, refreshed every `ms` while `active`: for countdowns.
export function useNow(ms = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms, active])
  return now
}
