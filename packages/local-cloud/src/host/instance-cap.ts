/** How many instances one function may grow to on this machine, when the caller does not say. */
import os from 'node:os'

/** Room one warm instance takes (wx-server-sdk loaded), with margin. */
const INSTANCE_BYTES = 100 * 1024 * 1024

/**
 * Two per core: more than that only adds cold starts and context switches when the cores are
 * busy (measured: 15 per function spiralled into timeouts at load 20). A quarter of the memory bounds
 * them (four functions at the cap fill it). Never below the 4 the host always had.
 */
export function defaultInstanceCap(cores = os.availableParallelism(), memory = os.totalmem()): number {
  const byMemory = Math.floor(memory / 4 / 4 / INSTANCE_BYTES)
  return Math.max(4, Math.min(2 * cores, byMemory))
}
