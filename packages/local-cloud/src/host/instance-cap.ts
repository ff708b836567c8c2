/** How many instances one function may grow to on this machine, when the caller does not say. */
import os from 'node:os'

/** Room one warm instance takes (wx-server-sdk loaded), with margin. */
const INSTANCE_BYTES = 100 * 1024 * 1024

/**
 * One per core, at least two. More instances of a function did not serve more calls here: on two cores
 * the mixed shopper load cost 8.4 ms of instance CPU per operation at one instance per function, 16 at four
 * and 28 at eight, with throughput falling from about 100 to 75 and 51 operations/s (`npm run bench -- actions`).
 * A quarter of the memory bounds them (four functions at the cap fill it).
 */
export function defaultInstanceCap(cores = os.availableParallelism(), memory = os.totalmem()): number {
  const byMemory = Math.floor(memory / 4 / 4 / INSTANCE_BYTES)
  return Math.max(2, Math.min(cores, byMemory))
}
