/** Input refusals in plain Chinese: a schema problem names the field by its Chinese label and never echoes English or a field path. */
import type { z } from 'zod'

/** Labels by field path inside an action's arguments, array positions left out (`rules.tiers.rate`). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: '操作',
  nickname: '昵称',
  birthday: '生日',
  address: '地址',
  cursor: '翻页位置',
  limit: '每页条数',
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
  budgetMs: '运行时长',
  chain: '是否接续运行',
  hop: '接续次数',
  rules: '规则',
  'rules.timeZone': '时区',
  'rules.signup': '注册奖励积分',
  'rules.profile': '完善资料奖励',
  'rules.profile.birthday': '填写生日奖励积分',
  'rules.profile.address': '填写地址奖励积分',
  'rules.checkIn': '签到规则',
  'rules.checkIn.daily': '每日签到积分',
  'rules.checkIn.streakDays': '连续签到天数',
  'rules.checkIn.streakBonus': '连续签到额外积分',
  'rules.purchase': '消费规则',
  'rules.purchase.firstBonus': '首次消费奖励积分',
  'rules.purchase.codeMinutes': '积分码有效分钟数',
  'rules.purchase.maxMultiplier': '最高积分倍数',
  'rules.tiers': '会员等级',
  'rules.tiers.id': '等级编号',
  'rules.tiers.name': '等级名称',
  'rules.tiers.minSpentFen': '升级所需消费',
  'rules.tiers.minPoints': '升级所需积分',
  'rules.tiers.rate': '积分倍率',
  'rules.tiers.bonus': '升级奖励积分',
  'rules.tiers.monthlyFreeDelivery': '每月免费配送券',
  'rules.tiers.birthdayMultiplier': '生日月积分倍数',
  'rules.tiers.extras': '等级权益',
  'rules.cash': '积分抵现规则',
  'rules.cash.pointsPerYuan': '每元所需积分',
  'rules.cash.maxPercent': '抵现比例上限',
  'rules.expiry': '积分有效期规则',
  'rules.expiry.months': '积分有效月数',
  'rules.expiry.remindDays': '过期提醒天数',
  'rules.birthday': '生日礼',
  'rules.birthday.points': '生日奖励积分',
  'rules.birthday.percentOff': '生日折扣',
  'rules.share': '分享规则',
  'rules.share.reward': '分享奖励积分',
  'rules.share.dailyLimit': '每日分享奖励次数',
  'rules.lottery': '抽奖规则',
  'rules.lottery.cost': '每次抽奖积分',
  'rules.lottery.prizes': '奖品',
  'rules.lottery.prizes.id': '奖品编号',
  'rules.lottery.prizes.name': '奖品名称',
  'rules.lottery.prizes.weight': '中奖权重',
  'rules.lottery.prizes.points': '奖品积分',
  'rules.lottery.prizes.itemId': '奖品商品',
  'rules.voucherDays': '券的有效天数',
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

/** One sentence for the first problem: `金额不能小于 1`, `缺少订单号`. `args` tells a missing field from a wrong one. */
export function describeInvalidInput(error: z.ZodError, args: unknown): string {
  const issue = error.issues[0]
  if (!issue) return '请求内容不正确'
  const label = fieldLabel(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(args, issue.path) === undefined) return `缺少${label}`
      return issue.expected === 'int' ? `${label}应为整数` : `${label}格式不正确`
    case 'too_small':
      return tooSmall(label, issue.origin, Number(issue.minimum))
    case 'too_big':
      return tooBig(label, issue.origin, Number(issue.maximum))
    case 'invalid_value':
      return `${label}不在可选范围内`
    case 'unrecognized_keys':
      return '请求中有不支持的内容'
    case 'custom':
      return hasChinese(issue.message) ? issue.message : `${label}不正确`
    default:
      return `${label}格式不正确`
  }
}

function tooSmall(label: string, origin: string, min: number): string {
  if (origin === 'string') return min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`
  if (origin === 'array' || origin === 'set') return `${label}至少选择 ${min} 项`
  return `${label}不能小于 ${min}`
}

function tooBig(label: string, origin: string, max: number): string {
  if (origin === 'string') return `${label}最多 ${max} 个字`
  if (origin === 'array' || origin === 'set') return `${label}最多 ${max} 项`
  return `${label}不能大于 ${max}`
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
