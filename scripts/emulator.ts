/**
 * `npm run emulator`: the local cloud's own command line (see packages/local-cloud/README.md) over
 * this project's functions, built when stale, and its collections; no H5 client, no demo data.
 */
import { runCli } from '@points-club/wechat-local-cloud/cli'
import { COLLECTIONS } from '../shared/collections'
import { buildFunctions, describeBuild, FUNCTIONS_BUILD } from './build-functions'

async function projectFunctions(): Promise<string> {
  const report = await buildFunctions()
  if (report.failed.length > 0) console.error(describeBuild(report))
  return FUNCTIONS_BUILD
}

runCli({ functionsDir: projectFunctions, collections: COLLECTIONS })
