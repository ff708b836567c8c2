import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError, Envelope } from '../services/contract'

export type Remote<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T }

// Loads one envelope for a page and keeps loading / error / data apart for the view.
export function useRemote<T>(load: () => Promise<Envelope<T>>, deps: unknown[] = []) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)

  const reload = useCallback(async (quiet = false) => {
    const mine = ++seq.current
    if (!quiet) setState({ status: 'loading' })
    const env = await loadRef.current()
    if (mine !== seq.current) return
    setState(env.ok ? { status: 'ready', data: env.data } : { status: 'error', error: env.error })
  }, [])

  useEffect(() => {
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const setData = useCallback((update: (prev: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s))
  }, [])

  return { state, reload, setData }
}
