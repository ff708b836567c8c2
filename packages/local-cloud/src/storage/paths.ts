/**
 * Cloud paths and file IDs as CloudBase spells them: a file uploaded to `cloudPath` in environment
 * `env` is `cloud://<env>.<bucket>/<cloudPath>`. A cloud path names a file under DATA_DIR/storage,
 * so anything that could step outside that folder or be read two ways is refused.
 */

/** CloudBase limits a cloud path to 850 bytes of UTF-8. */
const MAX_PATH_BYTES = 850
// `?`, `#` and `%` would change meaning inside a URL; `\` and `:` are separators on some disks
const FORBIDDEN = /[\\?#%:]/
const isControl = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)

export class StoragePathError extends Error {}

/** The cloud path if it is one the local cloud stores, else throws why not. */
export function checkCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new StoragePathError('cloudPath must be a non-empty string')
  if (Buffer.byteLength(value) > MAX_PATH_BYTES) throw new StoragePathError(`cloudPath is longer than ${MAX_PATH_BYTES} bytes`)
  if (value.startsWith('/')) throw new StoragePathError('cloudPath must not start with /')
  if (FORBIDDEN.test(value) || isControl(value)) throw new StoragePathError('cloudPath must not contain control characters, \\, ?, #, % or :')
  for (const segment of value.split('/')) {
    if (segment === '') throw new StoragePathError('cloudPath must not contain empty segments (// or a trailing /)')
    if (segment === '.' || segment === '..') throw new StoragePathError('cloudPath must not contain . or .. segments')
  }
  return value
}

/** CloudBase's bucket name for an environment: hex of its first two letters, the env, an app number. */
export function bucketOf(env: string): string {
  return `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-1250000000`
}

export function fileIdOf(env: string, cloudPath: string): string {
  return `cloud://${env}.${bucketOf(env)}/${cloudPath}`
}

/** The cloud path a file ID names in `env`, else throws why it is not one of this environment's files. */
export function cloudPathOf(fileId: unknown, env: string): string {
  if (typeof fileId !== 'string') throw new StoragePathError('fileID must be a string')
  const prefix = `cloud://${env}.${bucketOf(env)}/`
  if (!fileId.startsWith(prefix)) throw new StoragePathError(`fileID ${fileId} is not a file of environment ${env} (expected ${prefix}<path>)`)
  try {
    return checkCloudPath(fileId.slice(prefix.length))
  } catch (err) {
    throw new StoragePathError(`fileID ${fileId} names no valid file: ${(err as Error).message}`)
  }
}

/** The cloud path a URL path names; an encoded `/` or `\` would name a different file, so it is refused. */
export function cloudPathFromUrl(urlPath: string): string {
  if (/%2f|%5c/i.test(urlPath)) throw new StoragePathError('an encoded / or \\ is not a path separator')
  let decoded: string
  try {
    decoded = urlPath.split('/').map(decodeURIComponent).join('/')
  } catch {
    throw new StoragePathError('malformed percent-encoding')
  }
  return checkCloudPath(decoded)
}
