import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')

export interface StartedCloud {
  url: string
  dataDir: string
  log: () => string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

// `npm start` as a shopper would run it: a fresh data folder, a free port, the demo seeded.
export async function startCloud(timeoutMs = 300_000): Promise<StartedCloud> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'points-club-e2e-'))
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()))
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()))
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r))
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const started = Date.now()
  while (!/local cloud ready at/.test(output)) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      await stop()
      throw new Error(`npm start did not become ready:\n${output.slice(-3000)}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  if (/no H5 build/.test(output)) {
    await stop()
    throw new Error(`npm start serves no H5 build:\n${output.slice(-3000)}`)
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, log: () => output, stop }
}
