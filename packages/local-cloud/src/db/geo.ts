/**
 * Geo queries as CloudBase runs them on GeoJSON fields (wxcloud reference-sdk-api/database/command: geoNear,
 * geoWithin, geoIntersects; aggregate.geoNear), with MongoDB's 2dsphere semantics: distances in metres on a sphere
 * of radius 6378.1 km, polygon edges along great circles.
 * Supported: Point fields; geoWithin a Polygon, MultiPolygon or centerSphere; geoIntersects a Point, Polygon or
 * MultiPolygon (and a Polygon field with a Point); $nearSphere / $geoNear on points with max/minDistance.
 * Other query shapes are refused as an invalid operator; a field holding another geometry never matches (README.md).
 * Unlike CloudBase, no geo index is required on the field.
 */
import type { Any, AnyObject, Options } from 'mingo/types'
import { type Iterator, Lazy } from 'mingo/lazy'
import { Query } from 'mingo/query'
import { resolve } from 'mingo/util'
import { isPlainObject } from './ejson'

const EARTH_RADIUS_M = 6_378_100
const RAD = Math.PI / 180

type Position = [number, number]
type Ring = Position[]

/** A GeoJSON Point's [lng, lat], or undefined for anything else. */
export function pointOf(value: unknown): Position | undefined {
  if (!isPlainObject(value) || value.type !== 'Point' || !Array.isArray(value.coordinates)) return undefined
  const [lng, lat] = value.coordinates as unknown[]
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : undefined
}

/** Great-circle distance in metres (haversine). */
export function distance(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD
  const dLng = (b[0] - a[0]) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Whether `p` lies inside (or on) a ring whose edges are great circles: a gnomonic projection centred on `p`
 * maps great circles to straight lines, so a planar crossing test at the origin decides. Rings reaching beyond
 * 90° of `p` cannot be projected; they are tested on plain longitude/latitude.
 */
function inRing(p: Position, ring: Ring): boolean {
  const projected = ring.map((v) => gnomonic(p, v))
  const flat = projected.every((v): v is Position => v !== undefined) ? projected : ring.map(([x, y]): Position => [x - p[0], y - p[1]])
  let inside = false
  for (let i = 0, j = flat.length - 1; i < flat.length; j = i++) {
    const [xi, yi] = flat[i]!
    const [xj, yj] = flat[j]!
    if (Math.abs(xi * yj - xj * yi) < 1e-12 && xi * xj <= 0 && yi * yj <= 0) return true
    if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * (0 - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function gnomonic(center: Position, v: Position): Position | undefined {
  const [l0, p0] = [center[0] * RAD, center[1] * RAD]
  const [l, p] = [v[0] * RAD, v[1] * RAD]
  const cosC = Math.sin(p0) * Math.sin(p) + Math.cos(p0) * Math.cos(p) * Math.cos(l - l0)
  if (cosC <= 1e-9) return undefined
  return [(Math.cos(p) * Math.sin(l - l0)) / cosC, (Math.cos(p0) * Math.sin(p) - Math.sin(p0) * Math.cos(p) * Math.cos(l - l0)) / cosC]
}

/** Inside the outer ring and outside every hole. */
const inPolygon = (p: Position, rings: Ring[]): boolean => inRing(p, rings[0]!) && !rings.slice(1).some((hole) => inRing(p, hole))

/** The polygons (each a list of rings) of a Polygon or MultiPolygon, or undefined. */
function polygonsOf(geometry: unknown): Ring[][] | undefined {
  if (!isPlainObject(geometry) || !Array.isArray(geometry.coordinates)) return undefined
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][]
  return undefined
}

const unsupported = (what: string): Error =>
  new Error(`${what} is not supported by the local cloud (Point fields with Polygon, MultiPolygon or centerSphere only)`)

/** `$geoWithin: { $geometry }` or `{ $centerSphere: [[lng, lat], radians] }` → a test of a field's value. */
function withinTest(spec: unknown): (value: unknown) => boolean {
  if (!isPlainObject(spec)) throw unsupported('this $geoWithin')
  if (Array.isArray(spec.$centerSphere)) {
    const [center, radians] = spec.$centerSphere as [Position, number]
    return (value) => {
      const p = pointOf(value)
      return p !== undefined && distance(p, center) <= radians * EARTH_RADIUS_M
    }
  }
  const polygons = polygonsOf(spec.$geometry)
  if (!polygons) throw unsupported('$geoWithin without a Polygon, MultiPolygon or $centerSphere')
  return (value) => {
    const p = pointOf(value)
    return p !== undefined && polygons.some((rings) => inPolygon(p, rings))
  }
}

/** `$geoIntersects: { $geometry }`: a point field against a point or polygons, or a polygon field against a point. */
function intersectsTest(spec: unknown): (value: unknown) => boolean {
  const geometry = isPlainObject(spec) ? spec.$geometry : undefined
  const point = pointOf(geometry)
  const polygons = polygonsOf(geometry)
  if (!point && !polygons) throw unsupported('$geoIntersects with this geometry')
  return (value) => {
    const p = pointOf(value)
    if (p && point) return p[0] === point[0] && p[1] === point[1]
    if (p && polygons) return polygons.some((rings) => inPolygon(p, rings))
    const fieldPolygons = polygonsOf(value)
    return point !== undefined && fieldPolygons !== undefined && fieldPolygons.some((rings) => inPolygon(point, rings))
  }
}

/** `$nearSphere` / `$near` with `$geometry` Point and optional `$minDistance`/`$maxDistance` in metres. */
export function nearSpec(spec: unknown): { center: Position; min: number; max: number } {
  const center = isPlainObject(spec) ? pointOf(spec.$geometry) : undefined
  if (!center || !isPlainObject(spec)) throw unsupported('$nearSphere without a $geometry Point')
  return { center, min: Number(spec.$minDistance ?? 0), max: Number(spec.$maxDistance ?? Infinity) }
}

function nearTest(spec: unknown): (value: unknown) => boolean {
  const { center, min, max } = nearSpec(spec)
  return (value) => {
    const p = pointOf(value)
    if (!p) return false
    const d = distance(p, center)
    return d >= min && d <= max
  }
}

/** A mingo query operator testing the value at `selector` (arrays of values match if any element does). */
const fieldOperator = (makeTest: (spec: unknown) => (value: unknown) => boolean) => (selector: string, spec: Any, _options: Options) => {
  const test = makeTest(spec)
  return (doc: AnyObject): boolean => {
    const value = resolve(doc, selector)
    return Array.isArray(value) && !pointOf(value) ? value.some(test) : test(value)
  }
}

export const geoQueryOps = {
  $geoWithin: fieldOperator(withinTest),
  $geoIntersects: fieldOperator(intersectsTest),
  $nearSphere: fieldOperator(nearTest),
  $near: fieldOperator(nearTest),
}

/** The `$nearSphere`/`$near` condition in a query, if any: such a query answers nearest first. */
export function nearOrder(criteria: Record<string, unknown>): { path: string; center: Position } | undefined {
  const clauses = Array.isArray(criteria.$and) ? (criteria.$and as Array<Record<string, unknown>>) : []
  for (const [path, condition] of [...Object.entries(criteria), ...clauses.flatMap((c) => Object.entries(c))]) {
    if (!isPlainObject(condition)) continue
    const spec = condition.$nearSphere ?? condition.$near
    if (spec !== undefined) return { path, center: nearSpec(spec).center }
  }
  return undefined
}

/** Sorts documents by distance from `center` of the point at `path`, nearest first (stable). */
export function byDistance<T extends AnyObject>(docs: T[], path: string, center: Position): T[] {
  const far = (doc: T): number => {
    const p = pointOf(resolve(doc, path))
    return p ? distance(p, center) : Infinity
  }
  return docs
    .map((doc) => ({ doc, d: far(doc) }))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.doc)
}

/**
 * The `$geoNear` stage (aggregate.geoNear): documents with a point on `key` (the only point field when omitted)
 * within [minDistance, maxDistance] metres of `near`, nearest first, each with `distanceField` set.
 */
export function $geoNear(collection: Iterator, expr: Any, options: Options): Iterator {
  if (!isPlainObject(expr)) throw new Error('$geoNear needs an object')
  const center = pointOf(expr.near)
  if (!center || typeof expr.distanceField !== 'string') throw unsupported('$geoNear without a near Point and a distanceField')
  const min = Number(expr.minDistance ?? 0)
  const max = Number(expr.maxDistance ?? Infinity)
  const multiplier = Number(expr.distanceMultiplier ?? 1)
  const query = isPlainObject(expr.query) ? expr.query : undefined
  const key = typeof expr.key === 'string' ? expr.key : undefined
  const rows = collection.collect<AnyObject>().flatMap((doc) => {
    const path = key ?? Object.keys(doc).find((k) => pointOf(doc[k]))
    const p = path ? pointOf(resolve(doc, path)) : undefined
    if (!p) return []
    const d = distance(p, center)
    return d >= min && d <= max ? [{ doc, d }] : []
  })
  const matcher = query ? new Query(query, options) : undefined
  const kept = matcher ? rows.filter((row) => matcher.test(row.doc)) : rows
  return Lazy(kept.sort((a, b) => a.d - b.d).map(({ doc, d }) => setPath({ ...doc }, expr.distanceField as string, d * multiplier)))
}

function setPath(doc: AnyObject, path: string, value: number): AnyObject {
  const parts = path.split('.')
  let node = doc
  for (const part of parts.slice(0, -1)) node = node[part] = isPlainObject(node[part]) ? { ...node[part] } : {}
  node[parts[parts.length - 1]!] = value
  return doc
}
