/** Input refusals in plain Chinese: a schema problem names the field by its Chinese label and never echoes English or a field path. */
import type { z } from 'zod'

/** Labels by field path inside an action's arguments, array positions left out (`item.points`); the rules name their own (shared/rules.ts). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: '操作',
  nickname: '昵称',
  birthday: '生日',
  address: '地址',
  cursor: '翻页位置',
  limit: '每页条数',
  direction: '收支类型',
  kinds: '订阅类型',
  month: '月份',
  itemId: '商品',
  requestId: '请求编号',
  status: '券的状态',
  shareId: '分享链接',
  orderId: '订单号',
  amountFen: '金额',
  multiplier: '积分倍数',
  code: '码',
  usePoints: '是否用积分抵扣',
  pointsToUse: '抵扣积分',
  allowPoints: '是否允许积分抵扣',
  maxPoints: '最多抵扣积分',
  memberCode: '会员码',
  voucherCode: '优惠券码',
  lines: '订单明细',
  'lines.tag': '明细类别',
  'lines.amountFen': '明细金额',
  refundId: '退款单号',
  actor: '店员',
  kind: '操作类型',
  reason: '原因',
  from: '开始日期',
  to: '结束日期',
  item: '商品',
  'item.id': '商品编号',
  'item.name': '商品名称',
  'item.kind': '商品类型',
  'item.points': '所需积分',
  'item.stock': '库存',
  'item.validDays': '有效天数',
  'item.perMemberLimit': '每人限兑',
  'item.active': '是否上架',
  'item.image': '商品图片',
  'item.description': '商品介绍',
  'item.minTier': '最低会员等级',
  'item.saleStart': '秒杀开始时间',
  'item.saleEnd': '秒杀结束时间',
  'item.value': '券的面值',
  'item.value.type': '券的类型',
  'item.value.offFen': '减免金额',
  'item.value.minSpendFen': '最低消费',
  'item.value.percent': '折扣比例',
  'item.value.maxOffFen': '最多减免',
  'item.value.multiplier': '积分倍数',
  query: '搜索内容',
  openid: '会员',
  delta: '调整积分',
  frozen: '是否冻结',
  role: '角色',
  name: '姓名',
  what: '导出内容',
  budgetMs: '运行时长',
  chain: '是否接续运行',
  hop: '接续次数',
  rules: '规则',
}

/** The label of the field at `path`, or of the nearest labelled field above it. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string')
  for (let n = names.length; n > 0; n--) {
    const label = FIELD_LABELS[names.slice(0, n).join('.')]
    if (label !== undefined) return label
  }
  return '请求内容'
}

const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text)

/** What is wrong, without the field's name: `不能小于 1`, `最多 200 个字`. Also zod's error map for documents refused whole (the rules). */
export function problemOf(issue: z.core.$ZodRawIssue | z.core.$ZodIssue, missing = false): string {
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return '不能为空'
      return issue.expected === 'int' ? '应为整数' : issue.expected === 'number' ? '应为数字' : '格式不正确'
    case 'too_small':
      return sizeProblem(issue.origin, '至少', '不能小于', Number(issue.minimum))
    case 'too_big':
      return sizeProblem(issue.origin, '最多', '不能大于', Number(issue.maximum))
    case 'invalid_value':
      return '不在可选范围内'
    case 'unrecognized_keys':
      return '包含不支持的内容'
    case 'custom':
      return issue.message !== undefined && hasChinese(issue.message) ? issue.message : '不正确'
    default:
      return '格式不正确'
  }
}

function sizeProblem(origin: string, few: string, bound: string, n: number): string {
  if (origin === 'string') return n <= 1 && few === '至少' ? '不能为空' : `${few} ${n} 个字`
  if (origin === 'array' || origin === 'set') return `${few} ${n} 项`
  return `${bound} ${n}`
}

/** One sentence for the first problem: `金额不能小于 1`, `订单号不能为空`. `args` tells a missing field from a wrong one. */
export function describeInvalidInput(error: z.ZodError, args: unknown): string {
  const issue = error.issues[0]
  if (!issue) return '请求内容不正确'
  const problem = problemOf(issue, valueAt(args, issue.path) === undefined)
  // a schema's own sentence (a refinement in Chinese) is already the whole answer
  if (issue.code === 'custom' && problem === issue.message) return problem
  return `${fieldLabel(issue.path)}${problem}`
}

/** The argument the first problem is about, as a dotted path (`item.points`), or undefined for the event as a whole. */
export function invalidField(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path ?? []
  return path.length ? path.map(String).join('.') : undefined
}

/** The value at `path` in `args` (own properties only), or undefined. */
function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
