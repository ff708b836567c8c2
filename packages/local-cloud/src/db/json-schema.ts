/**
 * `$jsonSchema` in queries, with the keywords MongoDB supports (draft 4 plus `bsonType`; no `$ref`, `default`,
 * `format`, `integer` type): https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/
 * Documents hold plain JS numbers, so `int` means an integral number and `double` any other number.
 */
import { BSONRegExp, Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson'
import { isPlainObject } from './ejson'

type Schema = Record<string, unknown>
type Check = (value: unknown, schema: Schema) => boolean

const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !Number.isInteger(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  long: (v) => v instanceof Long,
  decimal: (v) => v instanceof Decimal128,
  number: (v) => typeof v === 'number' || v instanceof Long || v instanceof Decimal128,
  string: (v) => typeof v === 'string',
  object: isPlainObject,
  array: Array.isArray,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  objectId: (v) => v instanceof ObjectId,
  regex: (v) => v instanceof BSONRegExp || v instanceof RegExp,
  binData: (v) => v instanceof Binary,
  timestamp: (v) => v instanceof Timestamp,
}

/** JSON Schema's `type` names: "boolean" rather than "bool", and "number" for every numeric type. */
const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: isPlainObject,
  array: Array.isArray,
  number: BSON_TYPES.number!,
  boolean: BSON_TYPES.bool!,
  string: BSON_TYPES.string!,
  null: BSON_TYPES.null!,
}

const oneOrMany = (names: unknown): string[] => (Array.isArray(names) ? names : [names]) as string[]

function typeCheck(table: Record<string, (v: unknown) => boolean>, keyword: string): Check {
  return (value, schema) =>
    oneOrMany(schema[keyword]).some((name) => {
      const test = table[name]
      if (!test) throw new Error(`$jsonSchema: unknown ${keyword} ${String(name)}`)
      return test(value)
    })
}

const num = (schema: Schema, key: string): number => schema[key] as number
const isNumber = (v: unknown): v is number => typeof v === 'number'

/** Each keyword constrains only values of its kind, as in JSON Schema (`minLength` ignores a number). */
const KEYWORDS: Record<string, Check> = {
  bsonType: typeCheck(BSON_TYPES, 'bsonType'),
  type: typeCheck(JSON_TYPES, 'type'),
  enum: (v, s) => (s.enum as unknown[]).some((option) => JSON.stringify(option) === JSON.stringify(v)),
  minimum: (v, s) => !isNumber(v) || (s.exclusiveMinimum === true ? v > num(s, 'minimum') : v >= num(s, 'minimum')),
  maximum: (v, s) => !isNumber(v) || (s.exclusiveMaximum === true ? v < num(s, 'maximum') : v <= num(s, 'maximum')),
  exclusiveMinimum: () => true,
  exclusiveMaximum: () => true,
  multipleOf: (v, s) => !isNumber(v) || v % num(s, 'multipleOf') === 0,
  minLength: (v, s) => typeof v !== 'string' || [...v].length >= num(s, 'minLength'),
  maxLength: (v, s) => typeof v !== 'string' || [...v].length <= num(s, 'maxLength'),
  pattern: (v, s) => typeof v !== 'string' || new RegExp(s.pattern as string, 'u').test(v),
  minItems: (v, s) => !Array.isArray(v) || v.length >= num(s, 'minItems'),
  maxItems: (v, s) => !Array.isArray(v) || v.length <= num(s, 'maxItems'),
  uniqueItems: (v, s) => !Array.isArray(v) || s.uniqueItems !== true || new Set(v.map((x) => JSON.stringify(x))).size === v.length,
  items: (v, s) =>
    !Array.isArray(v) ||
    (Array.isArray(s.items)
      ? (s.items as Schema[]).every((item, i) => i >= v.length || valid(v[i], item))
      : v.every((x) => valid(x, s.items as Schema))),
  additionalItems: (v, s) => !Array.isArray(v) || !Array.isArray(s.items) || s.additionalItems !== false || v.length <= (s.items as unknown[]).length,
  required: (v, s) => !isPlainObject(v) || (s.required as string[]).every((key) => key in v),
  minProperties: (v, s) => !isPlainObject(v) || Object.keys(v).length >= num(s, 'minProperties'),
  maxProperties: (v, s) => !isPlainObject(v) || Object.keys(v).length <= num(s, 'maxProperties'),
  properties: (v, s) =>
    !isPlainObject(v) || Object.entries(s.properties as Record<string, Schema>).every(([key, prop]) => !(key in v) || valid(v[key], prop)),
  patternProperties: (v, s) =>
    !isPlainObject(v) ||
    Object.entries(s.patternProperties as Record<string, Schema>).every(([re, prop]) =>
      Object.keys(v)
        .filter((key) => new RegExp(re, 'u').test(key))
        .every((key) => valid(v[key], prop)),
    ),
  additionalProperties: (v, s) =>
    !isPlainObject(v) ||
    Object.keys(v)
      .filter((key) => !declared(key, s))
      .every((key) => {
        const extra = s.additionalProperties
        return extra === true || (extra !== false && valid(v[key], extra as Schema))
      }),
  dependencies: (v, s) =>
    !isPlainObject(v) ||
    Object.entries(s.dependencies as Record<string, unknown>).every(
      ([key, dep]) => !(key in v) || (Array.isArray(dep) ? dep.every((k: string) => k in v) : valid(v, dep as Schema)),
    ),
  allOf: (v, s) => (s.allOf as Schema[]).every((each) => valid(v, each)),
  anyOf: (v, s) => (s.anyOf as Schema[]).some((each) => valid(v, each)),
  oneOf: (v, s) => (s.oneOf as Schema[]).filter((each) => valid(v, each)).length === 1,
  not: (v, s) => !valid(v, s.not as Schema),
  title: () => true,
  description: () => true,
}

function declared(key: string, schema: Schema): boolean {
  if (isPlainObject(schema.properties) && key in schema.properties) return true
  return isPlainObject(schema.patternProperties) && Object.keys(schema.patternProperties).some((re) => new RegExp(re, 'u').test(key))
}

function valid(value: unknown, schema: Schema | boolean): boolean {
  if (typeof schema === 'boolean') return schema
  if (!isPlainObject(schema)) throw new Error('$jsonSchema: a schema must be an object')
  return Object.keys(schema).every((key) => {
    const check = KEYWORDS[key]
    if (!check) throw new Error(`$jsonSchema: unknown keyword: ${key}`)
    return check(value, schema)
  })
}

/** Refuses an unknown keyword anywhere in the schema, as MongoDB does when the query is parsed. */
function checkKeywords(schema: unknown): void {
  if (typeof schema === 'boolean') return
  if (!isPlainObject(schema)) throw new Error('$jsonSchema: a schema must be an object')
  for (const [key, value] of Object.entries(schema)) {
    if (!KEYWORDS[key]) throw new Error(`$jsonSchema: unknown keyword: ${key}`)
    if (['properties', 'patternProperties', 'dependencies'].includes(key) && isPlainObject(value))
      Object.values(value)
        .filter((v) => !Array.isArray(v))
        .forEach(checkKeywords)
    else if (['items', 'allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value)) value.forEach(checkKeywords)
    else if (['items', 'not', 'additionalProperties', 'additionalItems'].includes(key)) checkKeywords(value)
  }
}

/** mingo's `jsonSchemaValidator`: checks the schema once, then tests documents against it. */
export function jsonSchemaValidator(schema: Schema): (doc: Record<string, unknown>) => boolean {
  checkKeywords(schema)
  return (doc) => valid(doc, schema)
}
