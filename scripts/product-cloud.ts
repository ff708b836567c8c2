/** This project on the local cloud: its functions built from cloudfunctions/, its collections and indexes, its demo data. */
import { startLocalCloud, type TestCloudOptions, type TestLocalCloud } from '@points-club/wechat-local-cloud/testing'
import { COLLECTIONS } from '../shared/collections'
import { buildFunctions, describeBuild, FUNCTIONS_BUILD } from './build-functions'
import { seedDemo } from './demo-seed'

export { COLLECTIONS }

/** Builds the functions that changed; throws with the compiler's message when one fails. */
export async function builtFunctions(): Promise<string> {
  const report = await buildFunctions()
  if (report.failed.length > 0) throw new Error(describeBuild(report))
  return FUNCTIONS_BUILD
}

/** The local cloud for tests over this project's functions and collections, with the demo seeded. */
export async function startProductCloud(options: Partial<TestCloudOptions> = {}): Promise<TestLocalCloud> {
  return startLocalCloud({ functionsDir: await builtFunctions(), collections: COLLECTIONS, seed: seedDemo, ...options })
}
