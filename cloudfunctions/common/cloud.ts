/** The SDK, initialised once per instance, and the small slice of its database API the functions use. */
import { webcrypto } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import type { CollectionName } from '../../shared/collections'

// Node 16 (the cloud runtime) has Web Crypto only under node:crypto; shared/codes.ts reads globalThis.crypto
if (!globalThis.crypto) Object.assign(globalThis, { crypto: webcrypto })

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export interface DocRef {
  get(): Promise<{ data: unknown }>
  set(options: { data: object }): Promise<unknown>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<unknown>
}

export interface Query {
  where(condition: object): Query
  orderBy(field: string, order: 'asc' | 'desc'): Query
  limit(n: number): Query
  skip(n: number): Query
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Collection extends Query {
  doc(id: string): DocRef
  add(options: { data: object | object[] }): Promise<{ _id?: string; _ids?: string[] }>
}

/** What both the database and a transaction offer: collections by name. */
export interface Store {
  collection(name: CollectionName): Collection
}

/** A query condition built by the command object; conditions on one field chain with `and`. */
export interface Condition {
  and(other: Condition): Condition
}

export interface Command {
  lt(v: unknown): Condition
  lte(v: unknown): Condition
  gt(v: unknown): Condition
  gte(v: unknown): Condition
  in(v: unknown[]): Condition
  nin(v: unknown[]): Condition
  inc(n: number): Condition
}

export interface Database extends Store {
  runTransaction<T>(fn: (t: Store) => Promise<T>, times?: number): Promise<T>
  command: Command
  createCollection(name: string): Promise<unknown>
  /** A regular expression a query can match a string field with. */
  RegExp(options: { regexp: string; options?: string }): object
}

/** A missing document reads as `null` instead of throwing, inside and outside transactions. */
export const db = cloud.database({ throwOnNotFound: false } as never) as unknown as Database

/** The caller's OPENID as WeChat vouches for it (never a field of the event). */
export function callerOpenid(): string | null {
  const ctx = cloud.getWXContext() as { OPENID?: string }
  return typeof ctx.OPENID === 'string' && ctx.OPENID.length > 0 ? ctx.OPENID : null
}

/** How the platform says this run started: `wx_client`, `wx_trigger` (a timer), `wx_trigger,scf` (a function the timer's run called)... */
export function callSource(): string {
  const ctx = cloud.getWXContext() as { SOURCE?: string }
  return typeof ctx.SOURCE === 'string' ? ctx.SOURCE : ''
}

/** Reads one document by `_id`, or null. */
export async function getDoc<T>(store: Store, name: CollectionName, id: string): Promise<T | null> {
  const res = await store.collection(name).doc(id).get()
  return (res.data ?? null) as T | null
}

/** One page of a query in a fixed order: at most `limit` rows, and whether more follow (told by fetching one row past the page). */
export async function pageOf<T>(
  name: CollectionName,
  where: Record<string, unknown>,
  [field, direction]: [string, 'asc' | 'desc'],
  limit: number,
): Promise<{ rows: T[]; more: boolean }> {
  const found = (
    await db
      .collection(name)
      .where(where)
      .orderBy(field, direction)
      .limit(limit + 1)
      .get()
  ).data as T[]
  return { rows: found.slice(0, limit), more: found.length > limit }
}

/** Replaces a whole document (its `_id` stays out of the body, as the SDK requires). */
export async function putDoc<D extends { _id: string }>(store: Store, name: CollectionName, doc: D): Promise<void> {
  const { _id, ...body } = doc
  await store.collection(name).doc(_id).set({ data: body })
}

/** Creates a document; fails if the `_id` exists, which is what makes ledger ids an idempotency guard. */
export async function createDoc<D extends { _id: string }>(store: Store, name: CollectionName, doc: D): Promise<void> {
  await store.collection(name).add({ data: doc })
}

/** Creates several documents of one collection in one request; fails as a whole if any `_id` exists. */
export async function createDocs<D extends { _id: string }>(store: Store, name: CollectionName, docs: readonly D[]): Promise<void> {
  if (docs.length > 0) await store.collection(name).add({ data: [...docs] })
}

/** Puts a file in cloud storage; answers its file ID. */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
  return fileID
}

/** Temporary URLs of stored files by file ID (a missing file: no entry). */
export async function tempUrls(fileIDs: readonly string[], maxAge = 3600): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map()
  const { fileList } = (await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge })) })) as {
    fileList: Array<{ fileID: string; tempFileURL: string; status: number }>
  }
  return new Map(fileList.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
}
