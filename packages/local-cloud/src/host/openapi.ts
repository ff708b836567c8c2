/**
 * Answers the WeChat open APIs a function calls through wx-server-sdk (`cloud.openapi.*`):
 * a multipart `wx.openApi` request carrying a protobuf `CommApiData`, answered with a raw
 * protobuf `CommOpenApiResp` (field numbers from wx-server-sdk 4.0.2's generated code).
 */
import protobuf from 'protobufjs'
import { parseMultipart } from './multipart'

const PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; int32 svrkitErrorCode = 6; }
`
const root = protobuf.parse(PROTO).root
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

/** The WeChat error for an API the calling function did not list in `permissions.openapi`. */
export const ERR_OPENAPI_NO_PERMISSION = -604101
/** The WeChat error for a call that does not come from a running function. */
export const ERR_OPENAPI_ILLEGAL_SOURCE = -604104

export interface OpenApiRequest {
  action: string
  apiName: string
  /** The API token the SDK sends, naming the invocation that made the call. */
  token: string
  /** The API's arguments, keys as WeChat receives them (snake_case). */
  data: Record<string, unknown>
}

/** Reads a `wx.openApi` multipart body. */
export function decodeOpenApiRequest(raw: Buffer, contentType: string): OpenApiRequest {
  const fields = parseMultipart(raw, contentType)
  const text = (name: string): string => fields.get(name)?.toString('utf8') ?? ''
  const message = CommApiData.toObject(CommApiData.decode(fields.get('requestData') ?? Buffer.alloc(0)), { defaults: true }) as {
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> }
  }
  const data: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) data[pair.key] = parseValue(Buffer.from(pair.value).toString('utf8'))
  return { action: text('action'), apiName: text('apiName'), token: text('wxCloudApiToken'), data }
}

// The SDK sends each argument as JSON text; a plain string stays as it is.
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A `CommOpenApiResp` whose JSON body carries WeChat's `errcode`/`errmsg`, or an image the SDK hands back as `{ contentType, buffer }`. */
export function encodeOpenApiReply(body: Record<string, unknown> | { png: Buffer }): Buffer {
  const [respData, contentType] =
    'png' in body && Buffer.isBuffer(body.png) ? [body.png, 'image/png'] : [Buffer.from(JSON.stringify(body)), 'application/json']
  const message = CommOpenApiResp.create({ respData, contentType, httpCode: 200 })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}
