import { useRef, useState } from 'react'
import type { ApiError, Envelope } from '../services/contract'

export interface Page<T> {
  rows: T[]
  nextCursor: string | null
}

/** An answer that holds a page of rows (members, entries) as the list takes it. */
export function asPage<D extends { nextCursor: string | null }, T>(env: Envelope<D>, rows: (data: D) => T[]): Envelope<Page<T>> {
  return env.ok ? { ok: true, data: { rows: rows(env.data), nextCursor: env.data.nextCursor } } : env
}

// A list loaded a page at a time by the server's cursor: a fresh load replaces it, "加载更多" appends; a late answer to an old load is dropped.
// `loadingAtFirst`: the page loads as it opens, so it shows its skeleton before the first render's effect starts the load.
export function usePaged<T>(fetch: (cursor: string | null) => Promise<Envelope<Page<T>>>, loadingAtFirst = false) {
  const [rows, setRows] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(loadingAtFirst)
  const [error, setError] = useState<ApiError | null>(null)
  const seq = useRef(0)

  const load = async (from: string | null) => {
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    const env = await fetch(from)
    if (mine !== seq.current) return
    setLoading(false)
    if (!env.ok) return setError(env.error)
    setRows((prev) => (from ? [...prev, ...env.data.rows] : env.data.rows))
    setCursor(env.data.nextCursor)
  }
  /** Starts over with `first` already shown and `next` as the cursor for more (a page that came with another answer). */
  const reset = (first: T[], next: string | null) => {
    seq.current++
    setRows(first)
    setCursor(next)
    setError(null)
    setLoading(false)
  }
  return { rows, cursor, loading, error, load, reset, more: () => load(cursor) }
}
