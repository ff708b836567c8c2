import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

interface Compiler {
  outputPath: string
  hooks: { done: { tap(name: string, fn: () => void): void } }
}

export interface SizeReport {
  mainBytes: number
  subpackageBytes: number
  jsGzipBytes: number
}

// Walks an output folder: everything outside the subpackage roots counts toward the main package.
export function measureOutput(dir: string, subpackageRoots: string[] = []): SizeReport {
  const report: SizeReport = { mainBytes: 0, subpackageBytes: 0, jsGzipBytes: 0 }
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const rel = path.relative(dir, full).split(path.sep).join('/')
        const buf = fs.readFileSync(full)
        if (subpackageRoots.some((r) => rel.startsWith(`${r}/`))) report.subpackageBytes += buf.length
        else report.mainBytes += buf.length
        if (rel.endsWith('.js') && !rel.endsWith('.map')) report.jsGzipBytes += gzipSync(buf).length
      }
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return report
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

// Prints the sizes after each build so a growing main package is noticed (weapp limit 2 MB).
export class PackageSizePlugin {
  constructor(
    private readonly label: string,
    private readonly subpackageRoots: string[] = [],
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('PackageSizePlugin', () => {
      const r = measureOutput(compiler.outputPath, this.subpackageRoots)
      const sub = this.subpackageRoots.length ? `, subpackages ${kb(r.subpackageBytes)}` : ''
      console.log(`[size] ${this.label}: ${kb(r.mainBytes)}${sub}, JS gzip ${kb(r.jsGzipBytes)}`)
    })
  }
}
