import { ObjectId } from 'bson'
import { Aggregator } from 'mingo/aggregator'
import { Query } from 'mingo/query'
import { Clock } from '../clock'
import { type Doc, isPlainObject, newId, parseEjson, resolveServerDates, stringifyDoc, toQueryValue } from './ejson'
import { DbError, invalidQuery, requestFailed } from './errors'
import { CLOUDBASE_OPERATORS } from './operators'
import { byDistance, nearOrder } from './geo'
import { jsonSchemaValidator } from './json-schema'
import { type IndexNarrowing, narrow } from './indexes'
import { type OrderedScan, planOrderedScan, withIdTieBreak } from './ordering'
import { type Change, type DeclaredCollections, type IndexSpec, Store } from './store'
import { docKey, type Transaction, TransactionTable } from './transactions'
import { applyUpdate, toModifier, toReplacement, upsertBase } from './updates'

export interface DatabaseOptions {
  dataDir: string
  clock?: Clock
  /** An open transaction is aborted (its locks freed) after this long; default 30 s. */
  transactionTimeoutMs?: number
  /** The project's collections and indexes, created on first start and after every reset. */
  collections?: DeclaredCollections
}

export interface DatabaseStats {
  requests: number
  byAction: Record<string, number>
  byCollection: Record<string, number>
  openTransactions: number
  commits: number
  conflicts: number
}

type Body = Record<string, unknown>
interface PageOptions {
  order?: Doc
  offset: number
  limit: number
}
interface ModifyResult {
  updated: number
  upsertId?: string
  after: Doc[]
}
type Reply = Record<string, unknown>

/** mingo with CloudBase's operators (see operators.ts) and `$jsonSchema` (json-schema.ts). */
const MINGO = { context: CLOUDBASE_OPERATORS, jsonSchemaValidator }
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

/** The CloudBase database: documents in SQLite, Mongo semantics from mingo, CloudBase transactions. */
export class CloudDatabase {
  readonly clock: Clock
  private readonly store: Store
  private readonly declared: DeclaredCollections
  private readonly txs: TransactionTable
  private seq: number
  private counters: DatabaseStats = emptyStats()

  private readonly actions: Record<string, (body: Body) => Promise<Reply> | Reply> = {
    'database.insertDocument': (b) => this.insertDocument(b),
    'database.getDocument': (b) => this.getDocument(b),
    'database.calculateDocument': (b) => this.calculateDocument(b),
    'database.modifyDocument': (b) => this.modifyDocument(b),
    'database.modifyAndReturnDoc': (b) => this.modifyAndReturnDoc(b),
    'database.removeDocument': (b) => this.removeDocument(b),
    'database.aggregateDocuments': (b) => this.aggregateDocuments(b),
    'database.addCollection': (b) => this.addCollection(b),
    'database.startTransaction': () => this.startTransaction(),
    'database.commitTransaction': (b) => this.commitTransaction(b),
    'database.abortTransaction': (b) => this.abortTransaction(b),
  }

  constructor(options: DatabaseOptions) {
    this.clock = options.clock ?? new Clock()
    this.store = new Store(options.dataDir)
    this.seq = this.store.lastSeq()
    this.txs = new TransactionTable(options.transactionTimeoutMs ?? 30_000, (tx) => this.txs.finish(tx))
    this.declared = options.collections ?? {}
    this.createDeclaredCollections()
  }

  /** Whether `action` is one this database answers. */
  handles(action: string): boolean {
    return action in this.actions
  }

  /** Runs one wire action; resolves to the reply body without `requestId`, rejects with DbError. */
  async handle(action: string, body: Body): Promise<Reply> {
    const run = this.actions[action]
    if (!run) throw new DbError('INVALID_ACTION', `unknown action ${action}`)
    this.count(action, body.collectionName)
    return run(body)
  }

  /** Writes a whole document as `doc(_id).set()` does, through the same action: for seeding and test setup. */
  async setDocument(collectionName: string, doc: { _id: string } & Doc): Promise<void> {
    const { _id, ...data } = doc
    const wire = {
      collectionName,
      queryType: 'DOC',
      query: stringifyDoc({ _id }),
      data: stringifyDoc(data),
      merge: false,
      upsert: true,
      multi: false,
    }
    await this.handle('database.modifyDocument', wire)
  }

  /** Every collection with its indexes, by name: for the console and snapshots. */
  collections(): Array<{ name: string; indexes: IndexSpec[] }> {
    return this.store
      .collectionNames()
      .sort()
      .map((name) => ({ name, indexes: this.store.indexesOf(name) }))
  }

  /** Creates a collection with these indexes, or brings an existing one's indexes to them: for snapshot imports. */
  defineCollection(name: string, indexes: readonly IndexSpec[]): void {
    this.store.declareCollection(name, indexes)
  }

  stats(): DatabaseStats {
    return { ...this.counters, openTransactions: this.txs.count() }
  }

  /** Wipes every document and collection, aborts open transactions, recreates the declared collections. */
  reset(): void {
    for (const tx of this.txs.all()) this.txs.finish(tx)
    this.store.wipe()
    this.counters = emptyStats()
    this.createDeclaredCollections()
  }

  close(): void {
    for (const tx of this.txs.all()) this.txs.finish(tx)
    this.store.close()
  }

  // ---- actions -------------------------------------------------------------------------

  private async insertDocument(body: Body): Promise<Reply> {
    const coll = this.collection(body)
    if (!Array.isArray(body.data) || body.data.length === 0) throw new DbError('INVALID_PARAM', 'data must be a non-empty array')
    const docs = body.data.map((text) => this.newDocument(text))
    const tx = this.transactionOf(body)
    if (tx) {
      for (const doc of docs) {
        this.txWrite(tx, coll, doc._id as string, (current) => {
          if (current) throw duplicate(coll, doc._id as string)
          return doc
        })
      }
    } else {
      await this.plainWrite(() => {
        const seen = new Set<string>()
        for (const doc of docs) {
          const id = doc._id as string
          if (seen.has(id) || this.store.get(coll, id)) throw duplicate(coll, id)
          seen.add(id)
        }
        return docs.map((doc) => ({ coll, id: doc._id as string, doc }))
      })
    }
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }

  private getDocument(body: Body): Reply {
    const coll = this.collection(body)
    const projection = optionalEjson(body.projection, 'projection')
    const limit = Math.min(positiveInt(body.limit) ?? DEFAULT_LIMIT, MAX_LIMIT)
    const options = { order: optionalEjson(body.order, 'order'), offset: positiveInt(body.offset) ?? 0, limit }
    const tx = this.transactionOf(body)
    if (!tx && !projection && options.offset === 0 && body.queryType === 'DOC') return { data: { list: this.storedBodies(coll, body) } }
    const found = tx ? this.findInTransaction(tx, coll, body, options) : this.find(coll, this.criteriaOf(body), options)
    return { data: { list: project(found, projection).map(stringifyDoc) } }
  }

  /** A plain get by `_id` answers the stored text as is: it was written by the same serialiser, so no parse and re-serialise. */
  private storedBodies(coll: string, body: Body): string[] {
    const row = this.store.get(coll, this.criteriaOf(body)._id as string)
    return row ? [row.body] : []
  }

  private calculateDocument(body: Body): Reply {
    const coll = this.collection(body)
    // the index narrows, mingo decides: a count is the matches, never the index keys alone
    return { data: { total: this.matching(coll, this.criteriaOf(body)).length } }
  }

  private async modifyDocument(body: Body): Promise<Reply> {
    const coll = this.collection(body)
    const data = resolveServerDates(parseEjson(requireString(body.data, 'data'), 'data'), this.clock.now())
    const how = { replace: body.merge === false, upsert: body.upsert === true }
    const tx = this.transactionOf(body)
    if (tx) return this.modifyInTransaction(tx, coll, this.docIdOf(body, 'an update inside a transaction'), data, how)
    const { updated, upsertId } = await this.modifyCommitted(coll, this.criteriaOf(body), data, { ...how, multi: body.multi === true })
    return { data: { updated, ...(upsertId ? { upsert_id: upsertId } : {}) } }
  }

  /** `updateAndReturn()`: updates the first match and answers the document after the update (findAndModify, new: true). */
  private async modifyAndReturnDoc(body: Body): Promise<Reply> {
    const coll = this.collection(body)
    const data = resolveServerDates(parseEjson(requireString(body.data, 'data'), 'data'), this.clock.now())
    const criteria = this.criteriaOf(body)
    const tx = this.transactionOf(body)
    let updated = 0
    let after: Doc | null | undefined
    if (tx) {
      const target = this.txMatching(tx, coll, criteria)[0]
      if (target) {
        const reply = this.modifyInTransaction(tx, coll, target._id as string, data, { replace: false, upsert: false })
        updated = (reply.data as { updated: number }).updated
        after = this.txRead(tx, coll, target._id as string)
      }
    } else {
      const result = await this.modifyCommitted(coll, criteria, data, { replace: false, upsert: false, multi: false })
      updated = result.updated
      after = result.after[0]
    }
    return { data: { updated, ...(after ? { doc: stringifyDoc(after) } : {}) } }
  }

  private modifyInTransaction(tx: Transaction, coll: string, id: string, data: unknown, how: { replace: boolean; upsert: boolean }): Reply {
    let updated = 0
    let upsertId: string | undefined
    this.txWrite(tx, coll, id, (current) => {
      if (!current && !how.upsert) return undefined
      const next = how.replace ? toReplacement(data, id) : applyUpdate(current ?? { _id: id }, toModifier(data))
      if (!current) upsertId = id
      else if (stringifyDoc(next) === stringifyDoc(current)) return undefined
      else updated = 1
      return next
    })
    return { data: { updated, ...(upsertId ? { upsert_id: upsertId } : {}) } }
  }

  /** `updated` counts documents the write changed, as Mongo's modifiedCount does; `after` holds every target as written. */
  private async modifyCommitted(
    coll: string,
    criteria: Doc,
    data: unknown,
    how: { replace: boolean; upsert: boolean; multi: boolean },
  ): Promise<ModifyResult> {
    const modifier = how.replace ? undefined : toModifier(data)
    const rewrite = (doc: Doc): Doc => (modifier ? applyUpdate(doc, modifier) : toReplacement(data, doc._id as string))
    let result: ModifyResult = { updated: 0, after: [] }
    await this.plainWrite(() => {
      const matches = this.matching(coll, criteria)
      const targets = how.multi ? matches : matches.slice(0, 1)
      if (targets.length === 0 && how.upsert) {
        const id = typeof criteria._id === 'string' ? criteria._id : newId()
        const created = rewrite({ ...upsertBase(criteria), _id: id })
        result = { updated: 0, upsertId: id, after: [created] }
        return [change(coll, created)]
      }
      const rewritten = targets.map((doc) => ({ before: doc, after: rewrite(doc) }))
      const changes = rewritten.filter(({ before, after }) => stringifyDoc(after) !== stringifyDoc(before)).map(({ after }) => change(coll, after))
      result = { updated: changes.length, after: rewritten.map((r) => r.after) }
      return changes
    })
    return result
  }

  private async removeDocument(body: Body): Promise<Reply> {
    const coll = this.collection(body)
    const tx = this.transactionOf(body)
    if (tx) {
      const id = this.docIdOf(body, 'a removal inside a transaction')
      let deleted = 0
      this.txWrite(tx, coll, id, (current) => {
        if (!current) return undefined
        deleted = 1
        return null
      })
      return { data: { deleted } }
    }
    const criteria = this.criteriaOf(body)
    let deleted = 0
    await this.plainWrite(() => {
      const matches = this.matching(coll, criteria)
      const targets = body.queryType === 'DOC' || body.multi === false ? matches.slice(0, 1) : matches
      deleted = targets.length
      return targets.map((doc) => ({ coll, id: doc._id as string, doc: null }))
    })
    return { data: { deleted } }
  }

  private aggregateDocuments(body: Body): Reply {
    const coll = this.collection(body)
    if (!Array.isArray(body.stages)) throw new DbError('INVALID_PARAM', 'stages must be an array')
    const pipeline = body.stages.map((stage: unknown) => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
        throw new DbError('INVALID_PARAM', 'each stage needs stageKey and stageValue')
      }
      return { [stage.stageKey]: toQueryValue(parseEjson(stage.stageValue, stage.stageKey)) }
    })
    const first = pipeline[0]?.$match
    const source = isPlainObject(first) ? this.matching(coll, first) : this.allDocs(coll)
    try {
      const aggregator = new Aggregator(pipeline, { ...MINGO, collectionResolver: (name: string) => this.allDocs(name) })
      return { data: { list: aggregator.run<Doc>(source).map(stringifyDoc) } }
    } catch (err) {
      throw requestFailed(`aggregation failed: ${(err as Error).message}`)
    }
  }

  private addCollection(body: Body): Reply {
    const name = requireString(body.collectionName, 'collectionName')
    if (!this.store.createCollection(name, [])) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)
    return {}
  }

  private startTransaction(): Reply {
    return { transactionId: this.txs.begin(this.seq).id }
  }

  /** Every write already holds its lock and was checked against the snapshot, so a commit cannot conflict. */
  private commitTransaction(body: Body): Reply {
    const tx = this.txs.get(requireString(body.transactionId, 'transactionId'))
    try {
      this.commit([...tx.writes.values()])
    } finally {
      this.txs.finish(tx)
    }
    return {}
  }

  private abortTransaction(body: Body): Reply {
    this.txs.finish(this.txs.get(requireString(body.transactionId, 'transactionId')))
    return {}
  }

  // ---- reading -------------------------------------------------------------------------

  /** Committed documents matching `criteria`, in insertion order: SQL narrows, mingo decides. */
  matching(coll: string, criteria: Doc): Doc[] {
    const query = compile(criteria)
    const narrowing = narrow(criteria, new Set(this.store.indexedPathsOf(coll)))
    const rows = narrowing ? this.store.candidates(coll, narrowing) : this.store.all(coll)
    return rows.map((row) => parseDoc(row.body)).filter((doc) => query.test(doc))
  }

  /** Matching documents sorted (ties by `_id`), skipped and limited. */
  find(coll: string, criteria: Doc, options: PageOptions): Doc[] {
    const order = options.order && Object.keys(options.order).length > 0 ? options.order : undefined
    const scan = order ? this.orderedScan(coll, criteria, order, options.offset + options.limit) : undefined
    if (scan) return this.readOrdered(coll, criteria, scan, options)
    // a $nearSphere query answers nearest first unless told otherwise, as in MongoDB
    const near = order ? undefined : nearOrder(criteria)
    const matches = this.matching(coll, criteria)
    return page(near ? byDistance(matches, near.path, near.center) : matches, options)
  }

  /** A read inside a transaction: by `_id`, or a `where().get()` (CloudBase allows both), on its snapshot plus its own writes. */
  private findInTransaction(tx: Transaction, coll: string, body: Body, options: PageOptions): Doc[] {
    if (body.queryType === 'DOC') {
      const doc = this.txRead(tx, coll, this.docIdOf(body, 'a read'))
      return doc ? [doc] : []
    }
    return page(this.txMatching(tx, coll, this.criteriaOf(body)), options)
  }

  /**
   * Documents matching `criteria` as the transaction sees them, in insertion order (its own new ones last).
   * Candidates: what matches now, what changed since a transaction began (kept versions), and its own writes.
   */
  private txMatching(tx: Transaction, coll: string, criteria: Doc): Doc[] {
    const query = compile(criteria)
    const own = [...tx.writes.values()].filter((w) => w.coll === coll).map((w) => w.id)
    const ids = new Set([...this.matching(coll, criteria).map((doc) => doc._id as string), ...this.txs.idsWithHistory(coll), ...own])
    return [...ids].map((id) => this.txRead(tx, coll, id)).filter((doc): doc is Doc => doc !== null && query.test(doc))
  }

  private orderedScan(coll: string, criteria: Doc, order: Doc, wanted: number): OrderedScan | undefined {
    const size = (narrowing: IndexNarrowing, cap: number): number => this.store.countKeys(coll, narrowing, cap)
    const scan = planOrderedScan(criteria, order, new Set(this.store.indexedPathsOf(coll)), size, wanted)
    if (!scan || (scan.path !== '_id' && this.store.hasUnorderableKeys(coll, scan.path))) return undefined
    return scan
  }

  /** Reads candidates in SQL order until mingo has accepted `offset + limit` of them. */
  private readOrdered(coll: string, criteria: Doc, scan: OrderedScan, options: { offset: number; limit: number }): Doc[] {
    const query = compile(criteria)
    const found: Doc[] = []
    let skipped = 0
    for (const row of this.store.orderedRows(coll, scan)) {
      const doc = parseDoc(row.body)
      if (!query.test(doc)) continue
      if (skipped < options.offset) skipped++
      else if (found.push(doc) >= options.limit) break
    }
    return found
  }

  private allDocs(coll: string): Doc[] {
    return this.store.all(coll).map((row) => parseDoc(row.body))
  }

  /** A document as a transaction sees it: its own write, else the version at its snapshot. */
  private txRead(tx: Transaction, coll: string, id: string): Doc | null {
    const key = docKey(coll, id)
    const own = tx.writes.get(key)
    if (own) return own.doc
    const row = this.store.get(coll, id)
    if (row && row.version <= tx.snapshot) return parseDoc(row.body)
    const old = this.txs.bodyAt(key, tx.snapshot)
    return old === undefined ? null : parseDoc(old)
  }

  private changedSince(coll: string, id: string, snapshot: number): boolean {
    const row = this.store.get(coll, id)
    return (row !== undefined && row.version > snapshot) || this.txs.changedSince(docKey(coll, id), snapshot)
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * A write inside a transaction: computed on the transaction's view, locking the document.
   * As in CloudBase, meeting another transaction's lock, or a commit newer than the snapshot, fails this write
   * with DATABASE_TRANSACTION_CONFLICT and aborts the transaction (freeing its locks, as MongoDB does).
   * `next` returns the new state, `null` to remove, or undefined for no write.
   */
  private txWrite(tx: Transaction, coll: string, id: string, next: (current: Doc | null) => Doc | null | undefined): void {
    const key = docKey(coll, id)
    const state = next(this.txRead(tx, coll, id))
    if (state === undefined) return
    const holder = this.txs.lockHolder(key)
    const conflict = holder === undefined ? this.changedSince(coll, id, tx.snapshot) : holder !== tx.id
    if (conflict) {
      this.txs.finish(tx)
      this.counters.conflicts++
      throw new DbError(
        'DATABASE_TRANSACTION_CONFLICT',
        `database transaction conflict: document ${id} of ${coll} was written by another transaction or changed since this one began; the transaction is aborted, retry it`,
      )
    }
    this.txs.lock(key, tx.id)
    tx.writes.set(key, { coll, id, doc: state })
  }

  /** A write outside transactions: waits while a transaction holds a lock on any document it changes. */
  private async plainWrite(compute: () => Array<{ coll: string; id: string; doc: Doc | null }>): Promise<void> {
    for (;;) {
      const changes = compute()
      const locked = changes.map((c) => docKey(c.coll, c.id)).find((key) => this.txs.lockHolder(key) !== undefined)
      if (locked === undefined) {
        this.commit(changes)
        return
      }
      await this.txs.unlocked(locked)
    }
  }

  /** Writes one commit: all changes under a new version, atomically; keeps old versions open snapshots need. */
  private commit(changes: ReadonlyArray<{ coll: string; id: string; doc: Doc | null }>): void {
    if (changes.length === 0) return
    for (const c of changes) if (c.doc) this.checkUnique(c.coll, c.doc)
    const seq = this.seq + 1
    const rows: Change[] = changes.map((c) => ({ coll: c.coll, id: c.id, doc: c.doc, body: c.doc ? stringifyDoc(c.doc) : null }))
    const previous = rows.map((c) => this.store.get(c.coll, c.id))
    this.store.commit(rows, seq)
    this.seq = seq
    this.counters.commits++
    rows.forEach((c, i) => this.txs.supersede(docKey(c.coll, c.id), previous[i], seq))
  }

  private checkUnique(coll: string, doc: Doc): void {
    for (const spec of this.store.uniqueIndexesOf(coll)) {
      const criteria = uniqueKey(spec, doc)
      if (!criteria) continue
      const clash = this.matching(coll, criteria).find((other) => other._id !== doc._id)
      if (clash) throw requestFailed(`E11000 duplicate key error collection: ${coll} index: ${Object.keys(spec.fields).join('_')} dup key`)
    }
  }

  // ---- parsing -------------------------------------------------------------------------

  private newDocument(text: unknown): Doc {
    const parsed = resolveServerDates(parseEjson(requireString(text, 'data item'), 'data'), this.clock.now())
    if (!isPlainObject(parsed)) throw new DbError('INVALID_PARAM', 'each document must be an object')
    const id = parsed._id === undefined || parsed._id === null ? newId() : idText(parsed._id, '_id must be a string or a number')
    return { ...parsed, _id: id }
  }

  private collection(body: Body): string {
    const name = requireString(body.collectionName, 'collectionName')
    if (!this.store.hasCollection(name)) {
      throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: collection ${name} does not exist`)
    }
    return name
  }

  private transactionOf(body: Body): Transaction | undefined {
    if (body.transactionId === undefined || body.transactionId === null || body.transactionId === '') return undefined
    return this.txs.get(requireString(body.transactionId, 'transactionId'))
  }

  /** The `_id` of a DOC request; transactions allow nothing else. */
  private docIdOf(body: Body, what: string): string {
    const criteria = this.criteriaOf(body)
    if (body.queryType !== 'DOC' || typeof criteria._id !== 'string') {
      throw requestFailed(`${what} must address one document by _id`)
    }
    return criteria._id
  }

  private criteriaOf(body: Body): Doc {
    const parsed = body.query === undefined || body.query === '' ? {} : toQueryValue(parseEjson(requireString(body.query, 'query'), 'query'))
    if (!isPlainObject(parsed)) throw invalidQuery('query must be an object')
    if (body.queryType === 'DOC') {
      return { _id: idText(parsed._id, 'a DOC query needs an _id') }
    }
    compile(parsed)
    return parsed
  }

  private createDeclaredCollections(): void {
    for (const [name, spec] of Object.entries(this.declared)) this.store.declareCollection(name, spec.indexes)
  }

  private count(action: string, collection: unknown): void {
    this.counters.requests++
    this.counters.byAction[action] = (this.counters.byAction[action] ?? 0) + 1
    if (typeof collection === 'string') this.counters.byCollection[collection] = (this.counters.byCollection[collection] ?? 0) + 1
  }
}

function emptyStats(): DatabaseStats {
  return { requests: 0, byAction: {}, byCollection: {}, openTransactions: 0, commits: 0, conflicts: 0 }
}

function change(coll: string, doc: Doc): { coll: string; id: string; doc: Doc } {
  return { coll, id: doc._id as string, doc }
}

/** The store keys documents by text: a number or an ObjectId by its digits, never an object as "[object Object]". */
function idText(id: unknown, refusal: string): string {
  if (typeof id === 'string' || typeof id === 'number' || id instanceof ObjectId) return String(id)
  throw new DbError('INVALID_PARAM', refusal)
}

function duplicate(coll: string, id: string): DbError {
  return requestFailed(`E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`)
}

function parseDoc(body: string): Doc {
  return parseEjson(body, 'stored document') as Doc
}

/** A mingo query; an unknown operator or malformed condition is the caller's error. */
function compile(criteria: Doc): Query {
  try {
    return new Query(criteria, MINGO)
  } catch (err) {
    throw invalidQuery((err as Error).message)
  }
}

/** Sorts (ties by `_id`), skips and limits documents already matched. */
function page(docs: Doc[], options: PageOptions): Doc[] {
  const order = options.order && Object.keys(options.order).length > 0 ? options.order : undefined
  let cursor = new Query({}, MINGO).find(docs)
  if (order) cursor = cursor.sort(withIdTieBreak(order))
  return cursor.skip(options.offset).limit(options.limit).all() as Doc[]
}

function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs
  try {
    return new Query({}, MINGO).find(docs, projection).all() as Doc[]
  } catch (err) {
    throw invalidQuery(`bad projection: ${(err as Error).message}`)
  }
}

function optionalEjson(value: unknown, what: string): Doc | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const parsed = parseEjson(requireString(value, what), what)
  if (!isPlainObject(parsed)) throw new DbError('INVALID_PARAM', `${what} must be an object`)
  return parsed
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new DbError('INVALID_PARAM', `${what} must be a string`)
  return value
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function uniqueKey(spec: IndexSpec, doc: Doc): Doc | undefined {
  const criteria: Doc = {}
  for (const path of Object.keys(spec.fields)) {
    const value = path.split('.').reduce<unknown>((v, part) => (isPlainObject(v) ? v[part] : undefined), doc)
    if (value === undefined) return undefined
    criteria[path] = value
  }
  return criteria
}
