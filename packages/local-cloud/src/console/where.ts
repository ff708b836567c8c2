/**
 * The console's query box: a `where` object as a CloudBase developer writes it, e.g.
 *   { role: 'admin', balance: _.gt(100).and(_.lt(500)), createdAt: _.gte(new Date('2027-01-01')) }
 * JSON with bare keys, single quotes, the query commands (`_.gt(...)`, `db.command.in([...])`),
 * `new Date('...')` and `db.RegExp({ regexp, options })`. The commands are the SDK's own and the
 * SDK's serializer encodes the result, so the database sees exactly what `collection.where()` sends.
 * Nothing in the text is evaluated: only these forms parse.
 */
import { Command } from '@cloudbase/database/dist/commonjs/command'
import { RegExp as DbRegExp } from '@cloudbase/database/dist/commonjs/regexp'
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query'
import { MAX_JSON_DEPTH } from '../bounded-json'

/** The query commands CloudBase documents, callable as `_.name(...)` and chained as `.and(...)`, `.or(...)`. */
const COMMANDS = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'all', 'elemMatch', 'exists', 'size', 'mod', 'and', 'or', 'nor', 'not'])
const CHAINABLE = new Set(['and', 'or'])
const COMMAND_ROOTS = ['db.command', 'command', '_']

export class WhereSyntaxError extends Error {}

/** The canonical EJSON `where` text the SDK would send for `text`; throws WhereSyntaxError. */
export function encodeWhere(text: string): string {
  const value = text.trim() === '' ? {} : new Parser(text).document()
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date)
    throw new WhereSyntaxError('the query must be an object, e.g. { role: "admin" }')
  try {
    return QuerySerializer.encodeEJSON(value, false)
  } catch (error) {
    throw new WhereSyntaxError(`the SDK refuses this query: ${error instanceof Error ? error.message : String(error)}`)
  }
}

class Parser {
  private at = 0
  private depth = 0

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value()
    this.space()
    if (this.at < this.text.length) this.fail('unexpected text after the query')
    return value
  }

  private value(): unknown {
    this.space()
    if (++this.depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`)
    try {
      return this.plainValue()
    } finally {
      this.depth -= 1
    }
  }

  private plainValue(): unknown {
    const c = this.text[this.at]
    if (c === '{') return this.object()
    if (c === '[') return this.list('[', ']')
    if (c === '"' || c === "'") return this.string()
    if (c !== undefined && /[-0-9.]/.test(c)) return this.number()
    const word = this.word()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    if (word === 'new') return this.date()
    if (word === 'db.RegExp') return this.regexp()
    if (COMMAND_ROOTS.includes(word)) return this.command()
    return this.fail(word ? `unknown name ${word}` : 'expected a value')
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    this.expect('{')
    while (!this.peek('}')) {
      const key = this.text[this.at] === '"' || this.text[this.at] === "'" ? this.string() : this.word()
      if (!key) this.fail('expected a field name')
      this.expect(':')
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true })
      if (!this.peek('}')) this.expect(',')
    }
    this.expect('}')
    return out
  }

  private list(open: string, close: string): unknown[] {
    const out: unknown[] = []
    this.expect(open)
    while (!this.peek(close)) {
      out.push(this.value())
      if (!this.peek(close)) this.expect(',')
    }
    this.expect(close)
    return out
  }

  /** `_.gt(1)`, `_.gt(1).and(_.lt(5))`, `_.or([{ a: 1 }, { b: 2 }])`. */
  private command(): unknown {
    let target: unknown = Command
    let first = true
    while (this.peek('.')) {
      this.expect('.')
      const name = this.word()
      if (!COMMANDS.has(name) || (!first && !CHAINABLE.has(name)))
        this.fail(first ? `unknown command _.${name}` : `.${name} cannot follow a command; use .and or .or`)
      const args = this.list('(', ')')
      target = callCommand(target, name, args)
      first = false
    }
    if (first) this.fail('a command needs a name, e.g. _.gt(100)')
    return target
  }

  private date(): Date {
    this.space()
    if (this.word() !== 'Date') this.fail('only new Date(...) is understood')
    const [arg] = this.list('(', ')')
    const date = new Date(arg as string)
    if ((typeof arg !== 'string' && typeof arg !== 'number') || Number.isNaN(date.getTime()))
      this.fail('new Date(...) needs an ISO date or milliseconds')
    return date
  }

  private regexp(): unknown {
    const [arg] = this.list('(', ')')
    const spec = arg as { regexp?: unknown; options?: unknown } | undefined
    if (typeof spec?.regexp !== 'string') this.fail('db.RegExp needs { regexp: "...", options: "i" }')
    return new DbRegExp({ regexp: spec.regexp, options: typeof spec.options === 'string' ? spec.options : '' })
  }

  private string(): string {
    const quote = this.text[this.at++]
    let out = ''
    while (this.at < this.text.length && this.text[this.at] !== quote) {
      const c = this.text[this.at++]
      out += c === '\\' ? this.escape() : c
    }
    if (this.text[this.at++] !== quote) this.fail('a string is not closed')
    return out
  }

  private escape(): string {
    const c = this.text[this.at++] ?? ''
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }
    if (c === 'u') {
      const hex = this.text.slice(this.at, this.at + 4)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape')
      this.at += 4
      return String.fromCharCode(parseInt(hex, 16))
    }
    return simple[c] ?? c
  }

  private number(): number {
    const match = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.at))
    if (!match) return this.fail('expected a number')
    this.at += match[0].length
    return Number(match[0])
  }

  /** A bare name: letters, digits, `_`, `$` and dots (`db.command`, `profile.city`). */
  private word(): string {
    const match = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/.exec(this.text.slice(this.at))
    if (!match) return ''
    // `_.gt` is a root and a command: stop at the root
    const root = COMMAND_ROOTS.find((r) => match[0] === r || match[0].startsWith(`${r}.`))
    const word = root ?? match[0]
    this.at += word.length
    return word
  }

  private peek(c: string): boolean {
    this.space()
    return this.text[this.at] === c
  }

  private expect(c: string): void {
    if (!this.peek(c)) this.fail(`expected ${c}`)
    this.at += 1
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] ?? '')) this.at += 1
  }

  private fail(message: string): never {
    throw new WhereSyntaxError(`${message} at character ${this.at + 1}`)
  }
}

function callCommand(target: unknown, name: string, args: unknown[]): unknown {
  const method = (target as Record<string, unknown>)[name]
  if (typeof method !== 'function') throw new WhereSyntaxError(`_.${name} is not a query command`)
  try {
    return (method as (...a: unknown[]) => unknown).apply(target, args)
  } catch (error) {
    throw new WhereSyntaxError(`_.${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
