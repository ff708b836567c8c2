/**
 * Splits a multipart/form-data body into named binary fields.
 * Kept byte-exact on purpose: the platform's FormData parser decodes unnamed-file parts as UTF-8
 * text, which corrupts the protobuf `requestData` that wx-server-sdk sends.
 */

/** Field name to raw bytes. */
export function parseMultipart(raw: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const token = boundary?.[1] ?? boundary?.[2]
  if (!token) throw new Error('multipart body without a boundary')
  const delimiter = Buffer.from(`--${token}`)
  const fields = new Map<string, Buffer>()
  let start = raw.indexOf(delimiter)
  while (start >= 0) {
    const partStart = start + delimiter.length
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break
    const next = raw.indexOf(delimiter, partStart)
    if (next < 0) break
    addPart(fields, raw.subarray(partStart + 2, next - 2))
    start = next
  }
  return fields
}

/** One part: headers, a blank line, then the bytes (the CRLF before the next delimiter already cut). */
function addPart(fields: Map<string, Buffer>, part: Buffer): void {
  const headerEnd = part.indexOf('\r\n\r\n')
  if (headerEnd < 0) return
  const headers = part.subarray(0, headerEnd).toString('utf8')
  const name = /name="([^"]*)"/i.exec(headers)?.[1]
  if (name !== undefined) fields.set(name, part.subarray(headerEnd + 4))
}
