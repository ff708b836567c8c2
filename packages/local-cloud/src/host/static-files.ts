/** Serves the H5 build as a route: files under `root`, and index.html for any other path (client routing). */
import fs from 'node:fs'
import path from 'node:path'
import type { Route } from '../server'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export function staticRoute(root: string): Route {
  const base = path.resolve(root)
  return {
    method: 'GET',
    pattern: /^\/(?!_emulator\/|functions\/|admin$)(.*)$/,
    handle({ match }) {
      const file = resolveFile(base, decodeURIComponent(match[1] ?? ''))
      if (!file) return { status: 404, body: { code: 'NOT_FOUND', message: `no H5 build in ${base}: run npm run build:h5` } }
      return { status: 200, body: fs.readFileSync(file), contentType: contentTypeOf(file) }
    },
  }
}

/** The Content-Type the local cloud serves a file with, by its extension. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The file for `relative` inside `base`, else index.html; never a path outside `base`. */
function resolveFile(base: string, relative: string): string | null {
  const candidate = path.resolve(base, relative)
  const inside = candidate === base || candidate.startsWith(base + path.sep)
  if (inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  const index = path.join(base, 'index.html')
  return fs.existsSync(index) ? index : null
}
