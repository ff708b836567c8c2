import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parseEjson } from './ejson'
import { type Bound, type IndexNarrowing, indexKeys, KeyKind, type Narrowing } from './indexes'
import { kindRank, type OrderedScan } from './ordering'
import { timed, timedRows } from './phase-clock'

type Param = string | number

/** An index on a collection, as CloudBase's console declares it. */
export interface IndexSpec {
  /** Field path to direction, in key order. */
  fields: Record<string, 1 | -1>
  unique?: boolean
}

/** Collections that exist from the start (and again after a reset), by name, with their indexes. */
export type DeclaredCollections = Readonly<Record<string, { readonly indexes: readonly IndexSpec[] }>>

export interface Row {
  id: string
  body: string
  version: number
}

/** One change a commit applies: a new body, or `null` to delete. */
export interface Change {
  coll: string
  id: string
  body: string | null
  /** The parsed document, for its index keys. */
  doc: Record<string, unknown> | null
}

/** Durable documents in SQLite (WAL): one row per document, plus a side table of indexed keys. */
export class Store {
  private readonly sql: Database.Database
  private readonly indexedPaths = new Map<string, string[]>()
  private readonly specs = new Map<string, IndexSpec[]>()
  private readonly stmt: ReturnType<Store['prepare']>

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.sql = new Database(join(dataDir, 'cloudbase.sqlite'))
    this.sql.pragma('journal_mode = WAL')
    // NORMAL in WAL mode survives a crash of this process; only power loss may drop the last commits
    this.sql.pragma('synchronous = NORMAL')
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        version INTEGER NOT NULL, UNIQUE (coll, id));
      CREATE TABLE IF NOT EXISTS index_keys (coll TEXT NOT NULL, path TEXT NOT NULL, kind INTEGER NOT NULL,
        value, id TEXT NOT NULL);
      -- keys in index order, ties by id: a sorted query walks this and stops early
      DROP INDEX IF EXISTS index_keys_lookup;
      CREATE INDEX IF NOT EXISTS index_keys_order ON index_keys (coll, path, kind, value, id);
      -- one document's key on one path, covering, so SQLite joins sort keys through it
      DROP INDEX IF EXISTS index_keys_doc;
      CREATE INDEX IF NOT EXISTS index_keys_by_doc ON index_keys (coll, id, path, kind, value);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `)
    this.stmt = this.prepare()
    for (const { name, indexes } of this.stmt.listCollections.all() as Array<{ name: string; indexes: string }>) {
      this.remember(name, JSON.parse(indexes) as IndexSpec[])
    }
  }

  private prepare() {
    const s = this.sql
    return {
      listCollections: s.prepare('SELECT name, indexes FROM collections'),
      addCollection: s.prepare('INSERT OR IGNORE INTO collections (name, indexes) VALUES (?, ?)'),
      setIndexes: s.prepare('UPDATE collections SET indexes = ? WHERE name = ?'),
      dropKeys: s.prepare('DELETE FROM index_keys WHERE coll = ?'),
      unorderable: s.prepare(`SELECT 1 FROM index_keys WHERE coll = ? AND path = ? AND kind = ${KeyKind.Any} LIMIT 1`),
      get: s.prepare('SELECT id, body, version FROM docs WHERE coll = ? AND id = ?'),
      all: s.prepare('SELECT id, body, version FROM docs WHERE coll = ? ORDER BY rowid'),
      put: s.prepare(`INSERT INTO docs (coll, id, body, version) VALUES (?, ?, ?, ?)
        ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body, version = excluded.version`),
      del: s.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      delKeys: s.prepare('DELETE FROM index_keys WHERE coll = ? AND id = ?'),
      putKey: s.prepare('INSERT INTO index_keys (coll, path, kind, value, id) VALUES (?, ?, ?, ?, ?)'),
      getSeq: s.prepare("SELECT value FROM meta WHERE key = 'seq'"),
      putSeq: s.prepare("INSERT INTO meta (key, value) VALUES ('seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    }
  }

  hasCollection(name: string): boolean {
    return this.indexedPaths.has(name)
  }

  collectionNames(): string[] {
    return [...this.indexedPaths.keys()]
  }

  /** Paths declared in any index of the collection: SQL can narrow queries on these. */
  indexedPathsOf(name: string): string[] {
    return this.indexedPaths.get(name) ?? []
  }

  createCollection(name: string, indexes: readonly IndexSpec[]): boolean {
    if (this.indexedPaths.has(name)) return false
    this.stmt.addCollection.run(name, JSON.stringify(indexes))
    this.remember(name, indexes)
    return true
  }

  /** Creates a declared collection, or brings its indexes up to the declaration and rebuilds its keys. */
  declareCollection(name: string, indexes: readonly IndexSpec[]): void {
    if (this.createCollection(name, indexes)) return
    if (JSON.stringify(this.specs.get(name)) === JSON.stringify(indexes)) return
    this.sql.transaction(() => {
      this.stmt.setIndexes.run(JSON.stringify(indexes), name)
      this.remember(name, indexes)
      this.stmt.dropKeys.run(name)
      for (const row of this.all(name)) this.putKeys(name, row.id, parseEjson(row.body, 'stored document') as Record<string, unknown>)
    })()
  }

  private remember(name: string, indexes: readonly IndexSpec[]): void {
    this.indexedPaths.set(name, pathsOf(indexes))
    this.specs.set(name, [...indexes])
  }

  /** Every index declared on a collection. */
  indexesOf(name: string): IndexSpec[] {
    return [...(this.specs.get(name) ?? [])]
  }

  /** Unique indexes of a collection, checked on every write. */
  uniqueIndexesOf(name: string): IndexSpec[] {
    return (this.specs.get(name) ?? []).filter((spec) => spec.unique)
  }

  get(coll: string, id: string): Row | undefined {
    return timed('sql', () => this.stmt.get.get(coll, id) as Row | undefined)
  }

  all(coll: string): Row[] {
    return timed('sql', () => this.stmt.all.all(coll) as Row[])
  }

  /** Candidate rows for a narrowing, in insertion order. */
  candidates(coll: string, narrowing: Narrowing): Row[] {
    if (narrowing.by === 'ids') {
      return narrowing.ids.map((id) => this.get(coll, id)).filter((r): r is Row => r !== undefined)
    }
    const ids = narrowedIds(coll, narrowing)
    const sql = `SELECT id, body, version FROM docs WHERE coll = ? AND id IN (${ids.sql}) ORDER BY rowid`
    return timed('sql', () => this.cached(sql).all(coll, ...ids.params) as Row[])
  }

  /** How many documents have a key the narrowing covers, counting no further than `cap`. */
  countKeys(coll: string, narrowing: IndexNarrowing, cap = Number.MAX_SAFE_INTEGER): number {
    const keys = keyConditions(narrowing)
    const sql = `SELECT COUNT(*) FROM (SELECT 1 FROM index_keys WHERE coll = ? AND path = ? AND ${keys.where.join(' AND ')} LIMIT ?)`
    return timed(
      'sql',
      () =>
        this.cached(sql)
          .pluck()
          .get(coll, narrowing.path, ...keys.params, cap) as number,
    )
  }

  /** Whether a document holds an array, object or NaN on `path`: SQL cannot order those as mingo does. */
  hasUnorderableKeys(coll: string, path: string): boolean {
    return timed('sql', () => this.stmt.unorderable.get(coll, path)) !== undefined
  }

  /** Candidate rows in the scan's order, stepped through lazily so that a limited query stops early. */
  orderedRows(coll: string, scan: OrderedScan): IterableIterator<Row> {
    const dir = scan.dir === 1 ? 'ASC' : 'DESC'
    const n = scan.narrowing
    const rowOf = 'd.id AS id, d.body AS body, d.version AS version'
    if (n && n.path === scan.path) {
      // the index holds exactly the candidates, in order: walk it
      const keys = keyConditions(n, 'k.')
      const ids = idConditions(scan.ids, 'k.id')
      const sql = `SELECT ${rowOf} FROM index_keys k JOIN docs d ON d.coll = k.coll AND d.id = k.id
        WHERE k.coll = ? AND k.path = ? AND ${[...keys.where, ...ids.where].join(' AND ')} ORDER BY k.value ${dir}, k.id ${dir}`
      return this.iterate(sql, [coll, n.path, ...keys.params, ...ids.params])
    }
    const where = ['d.coll = ?']
    const params: Param[] = [coll]
    if (n) {
      const sub = narrowedIds(coll, n)
      where.push(`d.id IN (${sub.sql})`)
      params.push(...sub.params)
    }
    const ids = idConditions(scan.ids, 'd.id')
    where.push(...ids.where)
    params.push(...ids.params)
    if (scan.path === '_id') return this.iterate(`SELECT ${rowOf} FROM docs d WHERE ${where.join(' AND ')} ORDER BY d.id ${dir}`, params)
    // SQLite sorts the candidates by their keys on the order's path
    const sql = `SELECT ${rowOf} FROM docs d LEFT JOIN index_keys o ON o.coll = d.coll AND o.id = d.id AND o.path = ?
      WHERE ${where.join(' AND ')} ORDER BY ${kindRank('o.kind')} ${dir}, o.value ${dir}, d.id ${dir}`
    return this.iterate(sql, [scan.path, ...params])
  }

  private iterate(sql: string, params: Param[]): IterableIterator<Row> {
    return timedRows(this.cached(sql).iterate(...params) as IterableIterator<Row>)
  }

  private readonly statements = new Map<string, Database.Statement>()

  private cached(sql: string): Database.Statement {
    let stmt = this.statements.get(sql)
    if (!stmt) {
      stmt = this.sql.prepare(sql)
      this.statements.set(sql, stmt)
    }
    return stmt
  }

  /** The last commit sequence written, so versions keep growing across restarts. */
  lastSeq(): number {
    const row = this.stmt.getSeq.get() as { value: number } | undefined
    return row?.value ?? 0
  }

  /** Applies every change of one commit atomically: all of them or none. */
  commit(changes: readonly Change[], version: number): void {
    timed('sql', () => this.write(changes, version))
  }

  private write(changes: readonly Change[], version: number): void {
    this.sql.transaction(() => {
      for (const change of changes) {
        this.stmt.delKeys.run(change.coll, change.id)
        if (change.body === null || change.doc === null) {
          this.stmt.del.run(change.coll, change.id)
          continue
        }
        this.stmt.put.run(change.coll, change.id, change.body, version)
        this.putKeys(change.coll, change.id, change.doc)
      }
      this.stmt.putSeq.run(version)
    })()
  }

  private putKeys(coll: string, id: string, doc: Record<string, unknown>): void {
    for (const key of indexKeys(doc, this.indexedPathsOf(coll))) this.stmt.putKey.run(coll, key.path, key.kind, key.value, id)
  }

  /** Deletes every document and collection. */
  wipe(): void {
    this.sql.exec('DELETE FROM docs; DELETE FROM index_keys; DELETE FROM collections;')
    this.indexedPaths.clear()
    this.specs.clear()
  }

  close(): void {
    if (this.sql.open) this.sql.close()
  }
}

function pathsOf(indexes: readonly IndexSpec[]): string[] {
  return [...new Set(indexes.flatMap((spec) => Object.keys(spec.fields)))]
}

/** Conditions on `kind` and `value` of index_keys rows that hold a narrowing's keys. */
function keyConditions(narrowing: IndexNarrowing, table = ''): { where: string[]; params: Param[] } {
  const where = [`${table}kind = ?`]
  const params: Param[] = [narrowing.kind]
  if (narrowing.equals) {
    where.push(`${table}value IN (${narrowing.equals.map(() => '?').join(', ')})`)
    params.push(...narrowing.equals)
  }
  if (narrowing.gt) {
    where.push(`${table}value ${narrowing.gt.inclusive ? '>=' : '>'} ?`)
    params.push(narrowing.gt.value)
  }
  if (narrowing.lt) {
    where.push(`${table}value ${narrowing.lt.inclusive ? '<=' : '<'} ?`)
    params.push(narrowing.lt.value)
  }
  return { where, params }
}

/** Ids a narrowing may match: its keys, and values only mingo can judge (arrays, objects). */
function narrowedIds(coll: string, narrowing: IndexNarrowing): { sql: string; params: Param[] } {
  const keys = keyConditions(narrowing)
  const sql = `SELECT id FROM index_keys WHERE coll = ? AND path = ? AND ${keys.where.join(' AND ')}
    UNION ALL SELECT id FROM index_keys WHERE coll = ? AND path = ? AND kind = ${KeyKind.Any}`
  return { sql, params: [coll, narrowing.path, ...keys.params, coll, narrowing.path] }
}

function idConditions(ids: { gt?: Bound; lt?: Bound } | undefined, column: string): { where: string[]; params: Param[] } {
  const where: string[] = []
  const params: Param[] = []
  if (ids?.gt) {
    where.push(`${column} ${ids.gt.inclusive ? '>=' : '>'} ?`)
    params.push(ids.gt.value)
  }
  if (ids?.lt) {
    where.push(`${column} ${ids.lt.inclusive ? '<=' : '<'} ?`)
    params.push(ids.lt.value)
  }
  return { where, params }
}
