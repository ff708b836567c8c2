/**
 * Snapshots of the local cloud, readable enough to commit as test fixtures:
 *   DIR/snapshot.json             the format, and each collection's indexes, by name
 *   DIR/collections/<name>.json   its documents as relaxed EJSON, sorted by _id, one per line block
 *   DIR/files/<folder>/...        every folder the local cloud keeps beside its database (cloud storage)
 * Export → wipe → import gives the same documents, indexes and files.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import type { CloudDatabase } from './db/database'
import { type Doc, isPlainObject, stringifyDoc } from './db/ejson'
import type { IndexSpec } from './db/store'

export const SNAPSHOT_FORMAT = 'wechat-local-cloud-snapshot/1'
const MANIFEST = 'snapshot.json'
const COLLECTIONS = 'collections'
const FILES = 'files'
/** The database's own files in the data folder; everything else there is the cloud's files. */
const DATABASE_FILE = /^cloudbase\.sqlite/
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/

export class SnapshotError extends Error {}

export interface SnapshotTarget {
  db: CloudDatabase
  dataDir: string
}

export interface SnapshotSummary {
  dir: string
  collections: number
  documents: number
  files: number
}

interface Manifest {
  format: string
  collections: Record<string, IndexSpec[]>
}

interface Loaded {
  manifest: Manifest
  documents: Map<string, Doc[]>
}

/** Writes the snapshot into `dir`: empty or missing, or an earlier snapshot, which is replaced. */
export function exportSnapshot(target: SnapshotTarget, dir: string): SnapshotSummary {
  const out = outsideData(target, dir)
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0 && !fs.existsSync(path.join(out, MANIFEST))) {
    throw new SnapshotError(`${out} is neither empty nor a snapshot; export into a new folder`)
  }
  fs.rmSync(path.join(out, COLLECTIONS), { recursive: true, force: true })
  fs.rmSync(path.join(out, FILES), { recursive: true, force: true })
  fs.mkdirSync(path.join(out, COLLECTIONS), { recursive: true })
  const manifest: Manifest = { format: SNAPSHOT_FORMAT, collections: {} }
  let documents = 0
  for (const { name, indexes } of target.db.collections()) {
    manifest.collections[name] = indexes
    const docs = target.db.matching(name, {}).sort((a, b) => compareIds(a._id, b._id))
    documents += docs.length
    fs.writeFileSync(path.join(out, COLLECTIONS, `${name}.json`), documentsText(docs))
  }
  fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  const files = copyFolders(target.dataDir, path.join(out, FILES), (name) => !DATABASE_FILE.test(name))
  return { dir: out, collections: Object.keys(manifest.collections).length, documents, files }
}

/**
 * Replaces the data with the snapshot in `dir`. The whole snapshot is read and checked first, and
 * a failure while loading puts the previous data back: a bad snapshot changes nothing.
 */
export async function importSnapshot(target: SnapshotTarget, dir: string): Promise<SnapshotSummary> {
  const source = outsideData(target, dir)
  const loaded = readSnapshot(source)
  const backup = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-backup-'))
  try {
    exportSnapshot(target, backup)
    try {
      return await load(target, source, loaded)
    } catch (error) {
      await load(target, backup, readSnapshot(backup))
      throw new SnapshotError(`the snapshot could not be loaded, the data is as it was: ${error instanceof Error ? error.message : String(error)}`)
    }
  } finally {
    fs.rmSync(backup, { recursive: true, force: true })
  }
}

async function load(target: SnapshotTarget, dir: string, { manifest, documents }: Loaded): Promise<SnapshotSummary> {
  target.db.reset()
  let count = 0
  for (const [name, indexes] of Object.entries(manifest.collections)) {
    target.db.defineCollection(name, indexes)
    const docs = documents.get(name) ?? []
    // one document per insert: the database checks unique indexes against committed documents only
    for (const doc of docs) await target.db.handle('database.insertDocument', { collectionName: name, data: [stringifyDoc(doc)] })
    count += docs.length
  }
  for (const entry of fs.readdirSync(target.dataDir)) {
    if (!DATABASE_FILE.test(entry)) fs.rmSync(path.join(target.dataDir, entry), { recursive: true, force: true })
  }
  const files = copyFolders(path.join(dir, FILES), target.dataDir, () => true)
  return { dir, collections: Object.keys(manifest.collections).length, documents: count, files }
}

/** A snapshot folder inside the data folder would copy itself, or be wiped by the import it feeds. */
function outsideData(target: SnapshotTarget, dir: string): string {
  const resolved = path.resolve(dir)
  const data = path.resolve(target.dataDir)
  if (resolved === data || resolved.startsWith(data + path.sep))
    throw new SnapshotError(`${resolved} is inside the data folder ${data}; use a folder outside it`)
  return resolved
}

/** Reads and checks a whole snapshot without touching the data. */
function readSnapshot(dir: string): Loaded {
  const manifest = readJson(path.join(dir, MANIFEST), `${dir} holds no ${MANIFEST}: not a snapshot`) as Manifest
  if (!isPlainObject(manifest) || manifest.format !== SNAPSHOT_FORMAT || !isPlainObject(manifest.collections)) {
    throw new SnapshotError(`${path.join(dir, MANIFEST)} is not a ${SNAPSHOT_FORMAT} manifest`)
  }
  const documents = new Map<string, Doc[]>()
  for (const [name, indexes] of Object.entries(manifest.collections)) {
    if (!COLLECTION_NAME.test(name)) throw new SnapshotError(`bad collection name ${JSON.stringify(name)} in ${MANIFEST}`)
    checkIndexes(name, indexes)
    const file = path.join(dir, COLLECTIONS, `${name}.json`)
    documents.set(name, fs.existsSync(file) ? parseDocuments(file) : [])
  }
  return { manifest, documents }
}

function checkIndexes(name: string, indexes: unknown): void {
  const valid =
    Array.isArray(indexes) &&
    indexes.every((spec) => isPlainObject(spec) && isPlainObject(spec.fields) && Object.values(spec.fields).every((d) => d === 1 || d === -1))
  if (!valid) throw new SnapshotError(`the indexes of ${name} must be a list of { fields: { path: 1 | -1 }, unique? }`)
}

function parseDocuments(file: string): Doc[] {
  const list = readJson(file, `cannot read ${file}`)
  if (!Array.isArray(list)) throw new SnapshotError(`${file} must hold a JSON list of documents`)
  const seen = new Set<string>()
  return list.map((raw, i) => {
    const doc = deserialize(raw, `${file} document ${i + 1}`)
    if (typeof doc._id !== 'string' || doc._id === '') throw new SnapshotError(`${file} document ${i + 1} needs a string _id`)
    if (seen.has(doc._id)) throw new SnapshotError(`${file} holds _id ${doc._id} twice`)
    seen.add(doc._id)
    return doc
  })
}

function deserialize(raw: unknown, what: string): Doc {
  if (!isPlainObject(raw)) throw new SnapshotError(`${what} is not an object`)
  try {
    return EJSON.deserialize(raw, { relaxed: true }) as Doc
  } catch (error) {
    throw new SnapshotError(`${what} is not valid EJSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function readJson(file: string, missing: string): unknown {
  if (!fs.existsSync(file)) throw new SnapshotError(missing)
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
  } catch (error) {
    throw new SnapshotError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** One document per block, keys as stored: a diff of two snapshots reads document by document. */
function documentsText(docs: Doc[]): string {
  if (docs.length === 0) return '[]\n'
  return `[\n${docs.map((doc) => indent(JSON.stringify(EJSON.serialize(doc, { relaxed: true }), null, 2))).join(',\n')}\n]\n`
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ')
}

function compareIds(a: unknown, b: unknown): number {
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
}

/** Copies the entries of `from` that `keep` accepts into `to`; answers how many files it copied. */
function copyFolders(from: string, to: string, keep: (name: string) => boolean): number {
  if (!fs.existsSync(from)) return 0
  let files = 0
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue
    const source = path.join(from, entry.name)
    fs.mkdirSync(to, { recursive: true })
    fs.cpSync(source, path.join(to, entry.name), { recursive: true })
    files += entry.isDirectory() ? countFiles(source) : 1
  }
  return files
}

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0)
}
