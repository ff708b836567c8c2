import { useCallback, useRef, useState } from 'react'
import type { ApiError, Envelope } from '../services/contract'
import { Intent } from '../logic/intent'

// A mutating button: one request id per intent, no second call while one is pending.
export function useMutation<A extends unknown[], T>(run: (requestId: string, ...args: A) => Promise<Envelope<T>>) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const busy = useRef(false)
  const intent = useRef(new Intent())
  const runRef = useRef(run)
  runRef.current = run

  const submit = useCallback(async (...args: A): Promise<Envelope<T> | null> => {
    if (busy.current) return null
    busy.current = true
    setPending(true)
    setError(null)
    try {
      const env = await runRef.current(intent.current.current(JSON.stringify(args)), ...args)
      intent.current.settle(env.ok ? null : env.error.code)
      if (!env.ok) setError(env.error)
      return env
    } finally {
      busy.current = false
      setPending(false)
    }
  }, [])

  return { submit, pending, error, setError }
}
