import type { Envelope } from './contract'
import { internal, type FetchLike } from './envelope'

/** What the owner picked: a temp file path (weapp; a blob: URL on H5) or a browser File. */
export type UploadSource = string | Blob

export type Uploaded = Envelope<{ fileID: string }>

/** Matches the local cloud's limit on one stored file. */
const MAX_UPLOAD_MB = 20

// The local cloud's upload route (H5): JSON `{ cloudPath, base64 }` in, `{ fileID }` out, as documented in packages/local-cloud/README.md.
export async function uploadOverHttp(fetchFn: FetchLike, source: UploadSource, cloudPath: string, base = ''): Promise<Uploaded> {
  let base64: string
  try {
    base64 = toBase64(await readBytes(source))
  } catch {
    return internal('读取文件失败，请重新选择文件')
  }
  let res: Awaited<ReturnType<FetchLike>>
  try {
    res = await fetchFn(`${base}/_storage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cloudPath, base64 }),
    })
  } catch {
    return internal('网络连接失败，请检查网络后重试')
  }
  return readReply(res)
}

async function readReply(res: Awaited<ReturnType<FetchLike>>): Promise<Uploaded> {
  if (res.status === 413) return invalid(`文件太大，请选择 ${MAX_UPLOAD_MB}MB 以内的文件`)
  if (res.status === 400) return invalid('文件名或文件内容不合规，请换一个文件重试')
  const body = await res.text().then(
    (text) => JSON.parse(text) as { fileID?: unknown },
    () => null,
  )
  if (res.ok && typeof body?.fileID === 'string') return { ok: true, data: { fileID: body.fileID } }
  return internal(`上传失败（${res.status}），请稍后再试`)
}

function invalid(message: string): Uploaded {
  return { ok: false, error: { code: 'INVALID_ARGUMENT', message } }
}

// A path on H5 is a blob: (or data:) URL the file picker handed out; fetch reads it back.
async function readBytes(source: UploadSource): Promise<Uint8Array> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source
  return new Uint8Array(await blob.arrayBuffer())
}

// btoa takes a binary string; built in slices so a large file does not overflow the argument list.
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
