import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldPaths } from './schema-fields'
import { schemas } from './schemas'

const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'api.md'), 'utf8')

/** Each `### \`fn.action\`` section of docs/api.md, by name. */
function sections(): Map<string, string> {
  const out = new Map<string, string>()
  const parts = doc.split(/^### `([A-Za-z]+\.[A-Za-z]+)`$/m)
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i]!, parts[i + 1]!)
  return out
}

const actions = Object.entries(schemas).flatMap(([fn, table]) =>
  Object.entries(table as Record<string, z.ZodType>).map(([action, schema]) => ({ name: `${fn}.${action}`, schema })),
)

describe('docs/api.md', () => {
  it('documents every action of the schemas, and only those', () => {
    expect([...sections().keys()].sort()).toEqual(actions.map((a) => a.name).sort())
  })

  it("names every argument field in its action's section", () => {
    const bySection = sections()
    const missing = actions.flatMap(({ name, schema }) =>
      fieldPaths(schema)
        .filter((field) => !(bySection.get(name) ?? '').includes(`\`${field}\``))
        .map((f) => `${name}: ${f}`),
    )
    expect(missing).toEqual([])
  })
})
