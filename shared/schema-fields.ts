/** The field paths an action's schema accepts (array positions left out): what labels and the API page must name. */
import type { z } from 'zod'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  in?: z.ZodType
  options?: z.ZodType[]
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

export function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = defOf(schema)
  const inner = def.innerType ?? def.element ?? def.in
  if (inner) return fieldPaths(inner, prefix)
  if (def.options) return [...new Set(def.options.flatMap((o) => fieldPaths(o, prefix)))]
  if (def.type !== 'object' || !def.shape) return []
  return Object.entries(def.shape).flatMap(([key, field]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return [path, ...fieldPaths(field, path)]
  })
}
