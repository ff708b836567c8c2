import { resolve } from 'node:path'
import { startServer } from './server'

/** `npm run emulator`: the local cloud's database alone, on PORT (8787) with data in DATA_DIR (.localcloud/). */
function main(): void {
  const port = Number(process.env.PORT ?? 8787)
  const dataDir = resolve(process.env.DATA_DIR ?? '.localcloud')
  const timeout = process.env.TX_TIMEOUT_MS ? Number(process.env.TX_TIMEOUT_MS) : undefined
  startServer({ port, dataDir, transactionTimeoutMs: timeout }).then(
    (server) => {
      console.log(`local cloud listening on ${server.url} (admin ${server.url}/admin, data in ${dataDir})`)
      const stop = (): void => {
        void server.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
    (err: unknown) => {
      console.error('could not start the local cloud:', err)
      process.exit(1)
    },
  )
}

main()
