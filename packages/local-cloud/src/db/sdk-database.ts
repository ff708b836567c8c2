/**
 * wx-server-sdk's database as the tests use it, typed by what the local cloud answers (cloudbase-wire.md):
 * @cloudbase/database declares most of these results `any`, wx-server-sdk's as callback unions.
 */
type CloudbaseDb = import('@cloudbase/database').Db

/** A document as the SDK hands it back. */
export type SdkDoc = Record<string, unknown>

export interface SdkDocRef {
  /** `data` is null only when the database was made with throwOnNotFound: false. */
  get(): Promise<{ data: SdkDoc }>
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
  field(projection: object): SdkDocRef
}

export interface SdkQuery {
  where(condition: object): SdkQuery
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery
  limit(n: number): SdkQuery
  skip(n: number): SdkQuery
  field(projection: object): SdkQuery
  get(): Promise<{ data: SdkDoc[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

type AggregateStage = 'match' | 'group' | 'sort' | 'project' | 'skip' | 'limit' | 'count' | 'unwind' | 'geoNear' | 'lookup' | 'addFields'

export type SdkAggregate = { [stage in AggregateStage]: (param: object | string | number) => SdkAggregate } & {
  end(): Promise<{ list: SdkDoc[] }>
}

export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocRef
  add(options: { data: object }): Promise<{ _id?: string; _ids?: string[] }>
  aggregate(): SdkAggregate
}

export interface SdkTransaction {
  collection(name: string): Pick<SdkCollection, 'doc' | 'add' | 'where'>
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

/** The declarations omit mod's (divisor, remainder) parameters that the runtime takes. */
export type SdkCommand = Omit<CloudbaseDb['command'], 'mod'> & { mod(divisor: number, remainder: number): object }

export interface SdkDatabase {
  collection(name: string): SdkCollection
  command: SdkCommand
  Geo: CloudbaseDb['Geo']
  RegExp(options: { regexp: string; options?: string }): object
  serverDate(options?: { offset: number }): object
  createCollection(name: string): Promise<unknown>
  startTransaction(): Promise<SdkTransaction>
  runTransaction<T>(fn: (t: SdkTransaction) => Promise<T>, times?: number): Promise<T>
}
