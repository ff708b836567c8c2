import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SdkDatabase, startTestDatabase, type TestDatabase } from './testing'
import { TEST_COLLECTIONS } from '../test-collections'

let cloud: TestDatabase
let db: SdkDatabase

// shops around People's Square, Shanghai (lng, lat); distances on MongoDB's sphere of radius 6378.1 km
const shops = [
  { _id: 'square', at: [121.4737, 31.2304] }, // the centre
  { _id: 'bund', at: [121.4903, 31.24] }, // ≈ 1.9 km east-north-east
  { _id: 'jingan', at: [121.4454, 31.2286] }, // ≈ 2.7 km west
  { _id: 'pudong', at: [121.5447, 31.2204] }, // ≈ 6.8 km east
]

// wx-server-sdk's Geo holds factories for every GeoJSON type; its declarations name only some
interface GeoFactories {
  Point: new (lng: number, lat: number) => object
  LineString: new (points: object[]) => object
  Polygon: new (lines: object[]) => object
}
const geo = (): GeoFactories => db.Geo as unknown as GeoFactories

const ids = (res: { data: unknown }): string[] => (res.data as Array<{ _id: string }>).map((d) => d._id)

beforeAll(async () => {
  cloud = await startTestDatabase({ collections: TEST_COLLECTIONS })
  db = cloud.db
  await db.createCollection('shops')
  for (const s of shops) await db.collection('shops').add({ data: { _id: s._id, location: new db.Geo.Point(s.at[0]!, s.at[1]!) } })
  await db.collection('shops').add({ data: { _id: 'nowhere', name: 'no location' } })
})

afterAll(async () => {
  await cloud.close()
})

// wxcloud reference-sdk-api/database/command: geoNear → {$nearSphere: {$geometry, $maxDistance, $minDistance}},
// geoWithin → {$geoWithin: {$geometry} | {$centerSphere}}, geoIntersects → {$geoIntersects: {$geometry}}
// (@cloudbase/database src/serializer/query.ts); results as MongoDB's 2dsphere answers them
describe('geo queries through the real SDK', () => {
  const centre = () => new db.Geo.Point(121.4737, 31.2304)

  it('geoNear answers points within maxDistance and beyond minDistance, nearest first', async () => {
    const _ = db.command
    const near = (max: number, min?: number) =>
      db
        .collection('shops')
        .where({ location: _.geoNear({ geometry: centre(), maxDistance: max, minDistance: min }) })
        .get()
    expect(ids(await near(3000))).toEqual(['square', 'bund', 'jingan'])
    expect(ids(await near(10_000, 2000))).toEqual(['jingan', 'pudong'])
  })

  it('geoWithin a polygon or a centerSphere keeps the points inside it', async () => {
    const _ = db.command
    const { Polygon, LineString, Point } = geo()
    const ring = [
      [121.44, 31.22],
      [121.5, 31.22],
      [121.5, 31.25],
      [121.44, 31.25],
      [121.44, 31.22],
    ].map(([x, y]) => new Point(x!, y!))
    const inBox = await db
      .collection('shops')
      .where({ location: _.geoWithin({ geometry: new Polygon([new LineString(ring)]) }) })
      .orderBy('_id', 'asc')
      .get()
    expect(ids(inBox)).toEqual(['bund', 'jingan', 'square'])
    // 2.5 km in radians of the Earth's radius
    const inCircle = await db
      .collection('shops')
      .where({ location: _.geoWithin({ centerSphere: [centre(), 2500 / 6378100] }) })
      .orderBy('_id', 'asc')
      .get()
    expect(ids(inCircle)).toEqual(['bund', 'square'])
  })

  it('geoIntersects finds the points a polygon covers, and the exact point', async () => {
    const _ = db.command
    const { Polygon, LineString, Point } = geo()
    const east = [
      [121.48, 31.2],
      [121.6, 31.2],
      [121.6, 31.26],
      [121.48, 31.26],
      [121.48, 31.2],
    ].map(([x, y]) => new Point(x!, y!))
    const covered = await db
      .collection('shops')
      .where({ location: _.geoIntersects({ geometry: new Polygon([new LineString(east)]) }) })
      .orderBy('_id', 'asc')
      .get()
    expect(ids(covered)).toEqual(['bund', 'pudong'])
    expect(
      ids(
        await db
          .collection('shops')
          .where({ location: _.geoIntersects({ geometry: centre() }) })
          .get(),
      ),
    ).toEqual(['square'])
  })

  // aggregate.geoNear: near, distanceField, maxDistance, query (wxcloud reference-sdk-api/database/aggregate/Aggregate.geoNear)
  it('aggregate().geoNear adds the distance in metres and sorts by it', async () => {
    const res = await db
      .collection('shops')
      .aggregate()
      .geoNear({ near: centre(), distanceField: 'metres', spherical: true, maxDistance: 5000, query: { _id: db.command.neq('square') } })
      .project({ _id: 1, metres: 1 })
      .end()
    const list = res.list as Array<{ _id: string; metres: number }>
    expect(list.map((d) => d._id)).toEqual(['bund', 'jingan'])
    expect(list[0]!.metres).toBeGreaterThan(1800)
    expect(list[0]!.metres).toBeLessThan(2000)
    expect(list[1]!.metres).toBeGreaterThan(2600)
    expect(list[1]!.metres).toBeLessThan(2800)
  })

  it('hands stored points back as Geo Points', async () => {
    // @cloudbase/database src/util.ts formatField turns a stored {type: 'Point', coordinates} into a Geo Point
    const got = (await db.collection('shops').doc('bund').get()).data as { location: object }
    expect(got.location).toMatchObject({ longitude: 121.4903, latitude: 31.24 })
  })
})
