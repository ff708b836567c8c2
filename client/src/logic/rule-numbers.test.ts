import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Pages show rule numbers (points, days, multipliers) only from what the server sends (summary.display or the
// action's data). A page or component writing one itself is caught here. What counts as writing one, in the text a
// shopper may read (string literals, template text, JSX text; comments and code are not read):
// - a signed number: `+5`, `+ 25`;
// - a digit in Chinese text that speaks of points, check-in streaks or tiers (积分, 签到, 连续, 倍, 折, 等级):
//   `100 积分抽一次`, `连续 7 天`, `50、30 积分`, `积分到期前 7、3、1 天`;
// - a number literal shown as JSX content: `<Text>{20}</Text>` (not an attribute such as `maxlength={20}`).
// Other digits in Chinese text are not rule numbers: an example amount (`例如 38 或 38.50`), a code's length
// (`20 位`), a report's period (`近7天`).
const SRC = path.join(__dirname, '..')
const SCANNED = ['pages', 'merchant', 'components']

const RULE_WORDS = /积分|签到|连续|倍|折|等级/
const SIGNED = /\+\s*\d/
const DIGIT = /\d/

export interface Finding {
  file: string
  line: number
  text: string
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourcesUnder(full)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : []
  })
}

function shownText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralTypeNode(node)) return node.getText().slice(1, -1)
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text
  if (ts.isJsxText(node)) return node.text
  if (ts.isNumericLiteral(node) && ts.isJsxExpression(node.parent) && !ts.isJsxAttribute(node.parent.parent)) return `+${node.text}`
  return null
}

const writesRuleNumber = (text: string) => SIGNED.test(text) || (RULE_WORDS.test(text) && DIGIT.test(text))

/** Every place in a TS/TSX source that writes a rule number into text a shopper may read. */
export function ruleNumbersIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: Finding[] = []
  const visit = (node: ts.Node) => {
    // imports name modules, not text on screen
    if (ts.isImportDeclaration(node)) return
    const text = shownText(node)
    if (text !== null && writesRuleNumber(text)) {
      found.push({ file: path.relative(SRC, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

describe('rule numbers on pages', () => {
  it('are caught in every form a page could write one', () => {
    const page = `
      const a = '签到成功 +5'
      const b = \`\${n} 积分，连续 7 天再送\`
      const c = <Text>每日签到 +5 积分</Text>
      const d = <View>{d.bonus ? '+25' : '+5'}</View>
      const e = <Text>{20}</Text>
      const f = '生日、地址首次填写分别奖励 50、30 积分'
    `
    expect(ruleNumbersIn('x.tsx', page).map((f) => f.line)).toEqual([2, 3, 4, 5, 5, 6, 7])
  })

  it('leave alone numbers that are not text on screen, and text built from the server’s numbers', () => {
    const page = `
      // every +5 in a comment is fine
      import x from '../../logic/v2'
      const style = { width: 44, margin: '0 24px' }
      const a = \`签到成功 +\${awarded} 积分\`
      const b = <Text className='p-2'>第{d.index}天</Text>
      const c = <Picker start='1920-01-01' value='2000-01-01' />
      const d = items.slice(0, 3)
      const e = <Input maxlength={20} placeholder='会员码数字（20 位）' />
      const f = [{ id: '7d', label: '近7天' }, '例如 38 或 38.50']
    `
    expect(ruleNumbersIn('x.tsx', page)).toEqual([])
  })

  it('are not written by any page, owner page or component', () => {
    const found = SCANNED.flatMap((dir) => sourcesUnder(path.join(SRC, dir))).flatMap((file) => ruleNumbersIn(file, fs.readFileSync(file, 'utf8')))
    expect(found).toEqual([])
  })
})
