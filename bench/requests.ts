/**
 * `npm run bench -- requests`: database requests per action on warm instances, without the load;
 * BENCH_TRACE=1 lists each request (wire action, collection, whether inside a transaction).
 */
import { printRequests, requestsPerAction } from './actions'
import { startTestCloud } from '../cloudfunctions/testkit'

async function main(): Promise<void> {
  const c = await startTestCloud()
  try {
    console.log('database requests per action (warm instance):')
    printRequests(await requestsPerAction(c), process.env.BENCH_TRACE === '1')
  } finally {
    await c.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
