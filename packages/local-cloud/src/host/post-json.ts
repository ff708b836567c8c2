/** POST as tests and benchmarks call the local cloud: fetch's web streams cost more CPU than the small calls they carry. */
import http from 'node:http'

/** Connections are kept between calls, as a browser keeps them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

export interface HttpReply<T = unknown> {
  status: number
  body: T
}

/** POSTs `body` as JSON to `url` and parses the JSON answer. */
export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpReply<T>> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}
