/**
 * The SDK's own cost, apart from the local cloud's: a server that answers every request at once with a
 * reply it recorded from the real one, so an SDK call against it is the SDK's work and HTTP alone.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A server that forwards the first request to `target` and answers every later one at once with that first reply. */
export async function cannedServer(target: string): Promise<{ url: string; close(): void }> {
  let canned: { status: number; headers: http.OutgoingHttpHeaders; body: Buffer } | null = null
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (canned) return void res.writeHead(canned.status, canned.headers).end(canned.body)
      const { host: _host, ...headers } = req.headers // the local cloud answers only requests addressed to it
      const forward = http.request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
        const parts: Buffer[] = []
        answer.on('data', (c: Buffer) => parts.push(c))
        answer.on('end', () => {
          const { 'content-type': type } = answer.headers
          canned = { status: answer.statusCode ?? 200, headers: { 'content-type': type }, body: Buffer.concat(parts) }
          res.writeHead(canned.status, canned.headers).end(canned.body)
        })
      })
      forward.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

/** Runs `fn` with this process's SDK pointed at `url` (the SDK reads the variable on every request). */
export async function withSdkAt<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const real = process.env.TCB_CONTEXT_CNFG
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` })
  try {
    return await fn()
  } finally {
    process.env.TCB_CONTEXT_CNFG = real
  }
}
