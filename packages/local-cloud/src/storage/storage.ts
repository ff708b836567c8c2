/**
 * Cloud storage for the local cloud: files under DATA_DIR/storage/<cloudPath>, named by CloudBase
 * file IDs, served through signed URLs that expire. `adminHandlers()` answers the storage actions
 * wx-server-sdk sends to /admin; `routes()` serves the uploads and downloads those actions sign.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../clock'
import { contentTypeOf } from '../host/static-files'
import type { Awaitable, Route } from '../server'
import { checkCloudPath, cloudPathFromUrl, cloudPathOf, fileIdOf, StoragePathError } from './paths'
import { UrlSigner } from './signer'

/** CloudBase: a temporary URL lasts one day unless asked shorter, and never longer. */
export const MAX_URL_AGE_SECONDS = 86_400
/** CloudBase answers at most 50 files per getTempFileURL or deleteFile call. */
export const MAX_FILES_PER_CALL = 50
/** Largest file the local cloud stores. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024
/** How long the SDK has to PUT a file after asking where to. */
const UPLOAD_WINDOW_SECONDS = 900

type AdminHandler = (body: Record<string, unknown>) => Awaitable<Record<string, unknown>>

export interface StorageOptions {
  dataDir: string
  clock: Clock
  /** The environment of files uploaded over HTTP (H5); the SDK names its own. Default `local`. */
  env?: string
}

export class CloudStorage {
  /** DATA_DIR/storage: one file per cloud path. */
  readonly root: string
  private readonly signer = new UrlSigner()
  private baseUrl = ''

  constructor(private readonly options: StorageOptions) {
    this.root = path.resolve(options.dataDir, 'storage')
  }

  /** The server's own URL, which signed URLs point at; known once it listens. */
  connect(baseUrl: string): void {
    this.baseUrl = baseUrl
  }

  get env(): string {
    return this.options.env ?? 'local'
  }

  adminHandlers(): Record<string, AdminHandler> {
    return {
      'storage.getUploadMetadata': (body) => this.uploadMetadata(body),
      'storage.batchGetDownloadUrl': (body) => this.downloadUrls(body),
      'storage.batchDeleteFile': (body) => this.deleteFiles(body),
    }
  }

  routes(): Route[] {
    return [
      {
        method: 'POST',
        pattern: /^\/_storage$/,
        maxBodyBytes: Math.ceil((MAX_FILE_BYTES * 4) / 3) + 65_536,
        handle: ({ body }) => this.uploadJson(body),
      },
      {
        method: 'PUT',
        pattern: /^\/_storage$/,
        maxBodyBytes: MAX_FILE_BYTES,
        handle: ({ query, raw, headers }) => this.uploadSigned(query.get('path'), raw, headers.authorization),
      },
      { method: 'GET', pattern: /^\/_storage\/(.+)$/, handle: ({ match, query }) => this.download(match[1] ?? '', query) },
    ]
  }

  /** Deletes every stored file (the local cloud's reset). */
  wipe(): void {
    fs.rmSync(this.root, { recursive: true, force: true })
  }

  /** `storage.getUploadMetadata`: where and how to PUT the file. The PUT checks the path, as COS does. */
  private uploadMetadata(body: Record<string, unknown>): Record<string, unknown> {
    if (typeof body.path !== 'string' || body.path === '') return invalid('path must be a non-empty string')
    const fileId = fileIdOf(this.envOf(body), body.path)
    // COS's own opaque id: it travels in a header, where the path's characters may not
    const cosFileId = createHash('sha256').update(fileId).digest('hex')
    const expiresAt = this.nowSeconds() + UPLOAD_WINDOW_SECONDS
    const authorization = `q-sign-time=${expiresAt}&q-signature=${this.signer.sign('PUT', body.path, expiresAt)}`
    return {
      data: { url: `${this.baseUrl}/_storage?path=${encodeURIComponent(body.path)}`, authorization, token: '', fileId, cosFileId, download_url: '' },
    }
  }

  /** `storage.batchGetDownloadUrl`: a signed URL per file, or the reason there is none. */
  private downloadUrls(body: Record<string, unknown>): Record<string, unknown> {
    const list = body.file_list
    const problem = batchProblem(list, 'file_list')
    if (problem) return invalid(problem)
    const env = this.envOf(body)
    return { data: { download_list: (list as unknown[]).map((entry) => this.downloadUrl(entry, env)) } }
  }

  private downloadUrl(entry: unknown, env: string): Record<string, unknown> {
    const { fileid: fileID, max_age: maxAgeAsked } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown }
    const maxAge = maxAgeAsked === undefined ? MAX_URL_AGE_SECONDS : maxAgeAsked
    if (typeof maxAge !== 'number' || !(maxAge > 0))
      return { fileID, code: 'INVALID_PARAM', message: 'maxAge must be a positive number of seconds', tempFileURL: '' }
    const found = this.findFile(fileID, env)
    if ('code' in found) return { fileID, ...found, tempFileURL: '' }
    const age = Math.min(Math.ceil(maxAge), MAX_URL_AGE_SECONDS)
    const expiresAt = this.nowSeconds() + age
    const sign = this.signer.sign('GET', found.cloudPath, expiresAt)
    // unencoded, as CloudBase answers it: the SDK runs encodeURI over it before downloading
    return { fileID, code: 'SUCCESS', maxAge: age, tempFileURL: `${this.baseUrl}/_storage/${found.cloudPath}?sign=${sign}&t=${expiresAt}` }
  }

  /** `storage.batchDeleteFile`: removes each file; a file that is not there is reported, not an error for the others. */
  private deleteFiles(body: Record<string, unknown>): Record<string, unknown> {
    const list = body.fileid_list
    const problem = batchProblem(list, 'fileid_list')
    if (problem) return invalid(problem)
    const env = this.envOf(body)
    const deleted = (list as unknown[]).map((fileID) => {
      const found = this.findFile(fileID, env)
      if ('code' in found) return { fileID, ...found }
      this.remove(found.cloudPath)
      return { fileID, code: 'SUCCESS' }
    })
    return { data: { delete_list: deleted } }
  }

  /**
   * PUT /_storage?path=<cloudPath>, as the SDK sends a file to the URL getUploadMetadata signed; errors in COS's XML,
   * which the SDK reads. The path rides in the query: in the URL's path a `..` would be resolved away before we see it.
   */
  private uploadSigned(
    pathParam: string | null,
    raw: Buffer,
    authorization: string | undefined,
  ): { status: number; body: unknown; contentType?: string } {
    let cloudPath: string
    try {
      cloudPath = checkCloudPath(pathParam)
    } catch (err) {
      return cosError(400, 'InvalidObjectName', (err as Error).message)
    }
    const grant = new URLSearchParams(authorization ?? '')
    const refused = this.signer.refusal('PUT', cloudPath, grant.get('q-sign-time'), grant.get('q-signature'), this.nowSeconds())
    if (refused) return cosError(403, 'AccessDenied', refused)
    try {
      this.write(cloudPath, raw)
    } catch (err) {
      return cosError(409, 'PathConflict', (err as Error).message)
    }
    return { status: 200, body: Buffer.alloc(0), contentType: 'text/plain' }
  }

  /** POST /_storage `{ cloudPath, base64 }` (the H5 client's upload): answers `{ fileID }`. */
  private uploadJson(body: unknown): { status: number; body: unknown } {
    const { cloudPath, base64 } = (body ?? {}) as { cloudPath?: unknown; base64?: unknown }
    try {
      const checked = checkCloudPath(cloudPath)
      if (typeof base64 !== 'string' || !isBase64(base64)) throw new StoragePathError('base64 must be the file as a base64 string')
      this.write(checked, Buffer.from(base64, 'base64'))
      return { status: 200, body: { fileID: fileIdOf(this.env, checked) } }
    } catch (err) {
      return { status: 400, body: { code: 'INVALID_PARAM', message: (err as Error).message } }
    }
  }

  /** GET /_storage/<path>?sign=..&t=..: the file while the URL is valid; 403 once expired or when forged. */
  private download(urlPath: string, query: URLSearchParams): { status: number; body: unknown; contentType?: string } {
    let cloudPath: string
    try {
      cloudPath = cloudPathFromUrl(urlPath)
    } catch (err) {
      return { status: 400, body: { code: 'INVALID_PARAM', message: (err as Error).message } }
    }
    const refused = this.signer.refusal('GET', cloudPath, query.get('t'), query.get('sign'), this.nowSeconds())
    if (refused) return { status: 403, body: { code: 'ACCESS_DENIED', message: refused } }
    const file = this.diskPath(cloudPath)
    if (!isFile(file)) return { status: 404, body: { code: 'STORAGE_FILE_NONEXIST', message: `no file at ${cloudPath}` } }
    return { status: 200, body: fs.readFileSync(file), contentType: contentTypeOf(file) }
  }

  /** The cloud path of a stored file, or the CloudBase code saying why `fileID` names none. */
  private findFile(fileID: unknown, env: string): { cloudPath: string } | { code: string; message: string } {
    let cloudPath: string
    try {
      cloudPath = cloudPathOf(fileID, env)
    } catch (err) {
      return { code: 'INVALID_PARAM', message: (err as Error).message }
    }
    if (!isFile(this.diskPath(cloudPath))) return { code: 'STORAGE_FILE_NONEXIST', message: `no file ${String(fileID)}` }
    return { cloudPath }
  }

  /** Writes through a temporary file and a rename, so a reader sees the old file or the new one, never half. */
  private write(cloudPath: string, bytes: Buffer): void {
    const file = this.diskPath(cloudPath)
    if (fs.existsSync(file) && !isFile(file)) throw new StoragePathError(`${cloudPath} is a folder of other files`)
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true })
    } catch {
      throw new StoragePathError(`a file already holds a folder of ${cloudPath}`)
    }
    const temporary = path.join(this.options.dataDir, `.storage-upload-${randomBytes(8).toString('hex')}`)
    try {
      fs.writeFileSync(temporary, bytes)
      fs.renameSync(temporary, file)
    } finally {
      fs.rmSync(temporary, { force: true })
    }
  }

  /** Deletes the file and the folders it leaves empty. */
  private remove(cloudPath: string): void {
    const file = this.diskPath(cloudPath)
    fs.rmSync(file, { force: true })
    try {
      for (let dir = path.dirname(file); dir !== this.root && fs.readdirSync(dir).length === 0; dir = path.dirname(dir)) fs.rmdirSync(dir)
    } catch {
      // a concurrent upload refilled the folder or a concurrent delete removed it: either way it is no longer ours to remove
    }
  }

  /** Where a checked cloud path lives on disk; never outside the storage folder. */
  private diskPath(cloudPath: string): string {
    const file = path.resolve(this.root, checkCloudPath(cloudPath))
    if (!file.startsWith(this.root + path.sep)) throw new StoragePathError(`${cloudPath} is outside the storage folder`)
    return file
  }

  private envOf(body: Record<string, unknown>): string {
    return typeof body.envName === 'string' && body.envName ? body.envName : this.env
  }

  private nowSeconds(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000)
  }
}

function invalid(message: string): Record<string, unknown> {
  return { code: 'INVALID_PARAM', message }
}

function batchProblem(list: unknown, field: string): string | null {
  if (!Array.isArray(list) || list.length === 0) return `${field} must be a non-empty array`
  if (list.length > MAX_FILES_PER_CALL) return `${field} holds ${list.length} files; at most ${MAX_FILES_PER_CALL} per call`
  return null
}

/** COS's error body: the SDK raises `[Code]: Message` from it. */
function cosError(status: number, code: string, message: string): { status: number; body: Buffer; contentType: string } {
  const id = randomBytes(8).toString('hex')
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  return { status, body: Buffer.from(xml), contentType: 'application/xml' }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text)
}

function isFile(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isFile()
}
