// The owner's rules form: every rule as a labelled field with its unit, grouped as the page shows them.
// Paths are dotted; `[]` stands for each entry of a list (`tiers[].rate`).
import { RULE_NAMES, type Rules } from '../../../shared/rules'
import type { FormField } from './form-field'

export interface RuleField extends FormField {
  /** Shown only when the rules call for it (e.g. the months of a rolling tier policy). */
  shownIf?: (rules: Rules) => boolean
}

export interface RuleList {
  path: 'tiers' | 'lottery.prizes' | 'campaigns'
  /** What one entry is called: 等级, 奖品, 活动. */
  noun: string
  fields: RuleField[]
  min: number
  max: number
  /** A new entry, filled so that it passes the bounds where it can. */
  blank(rules: Rules): object
}

export interface RuleGroup {
  /** Where problems about the group as a whole are placed: the rule's own path ('' is the page's, beside 保存). */
  key: string
  title: string
  fields: RuleField[]
  list?: RuleList
}

const points = (path: string, label: string, more: Partial<RuleField> = {}): RuleField => ({ path, label, kind: 'int', unit: '积分', ...more })
const int = (path: string, label: string, unit: string, more: Partial<RuleField> = {}): RuleField => ({ path, label, kind: 'int', unit, ...more })
const LIST_HINT = '多个用逗号分隔'

/** A fresh id for a new entry: `prefix` and the first free number. */
function freshId(prefix: string, taken: ReadonlyArray<{ id: string }>): string {
  let n = taken.length + 1
  while (taken.some((x) => x.id === `${prefix}${n}`)) n++
  return `${prefix}${n}`
}

const TIERS: RuleList = {
  path: 'tiers',
  noun: '等级',
  min: 1,
  max: 10,
  fields: [
    { path: 'tiers[].name', label: '等级名称', kind: 'text' },
    { path: 'tiers[].id', label: '等级编号', kind: 'text', hint: '字母或数字；已有会员的等级不能改编号' },
    { path: 'tiers[].minSpentFen', label: '累计消费满', kind: 'yuan', unit: '元' },
    points('tiers[].minPoints', '或累计获得'),
    { path: 'tiers[].rate', label: '每消费 1 元得', kind: 'rate', unit: '积分' },
    points('tiers[].bonus', '升级奖励'),
    int('tiers[].discountPercent', '每单立减', '%', { optional: true, hint: '不填则没有等级折扣' }),
    int('tiers[].birthdayMultiplier', '生日月消费积分', '×'),
    int('tiers[].monthlyFreeDelivery', '每月免配送', '次'),
    { path: 'tiers[].extras', label: '其他权益', kind: 'textList', hint: LIST_HINT },
  ],
  blank: (rules) => {
    const top = rules.tiers[rules.tiers.length - 1]
    return {
      id: freshId('tier', rules.tiers),
      name: '新等级',
      minSpentFen: (top?.minSpentFen ?? 0) + 1000_00,
      minPoints: (top?.minPoints ?? 0) + 1000,
      rate: top?.rate ?? 1,
      bonus: 0,
      monthlyFreeDelivery: 0,
      birthdayMultiplier: 1,
      extras: [],
    }
  },
}

const PRIZES: RuleList = {
  path: 'lottery.prizes',
  noun: '奖品',
  min: 0,
  max: 20,
  fields: [
    { path: 'lottery.prizes[].name', label: '奖品名称', kind: 'text' },
    { path: 'lottery.prizes[].id', label: '奖品编号', kind: 'text', hint: '字母或数字' },
    int('lottery.prizes[].weight', '抽中权重', '份', { hint: '占全部权重之和的比例就是抽中的概率' }),
    points('lottery.prizes[].points', '奖励积分', { optional: true }),
    { path: 'lottery.prizes[].itemId', label: '奖励商品', kind: 'item', optional: true },
  ],
  blank: (rules) => ({ id: freshId('prize', rules.lottery.prizes), name: '新奖品', weight: 1 }),
}

const CAMPAIGNS: RuleList = {
  path: 'campaigns',
  noun: '活动',
  min: 0,
  max: 20,
  fields: [
    { path: 'campaigns[].name', label: '活动名称', kind: 'text' },
    { path: 'campaigns[].id', label: '活动编号', kind: 'text', hint: '字母或数字' },
    int('campaigns[].multiplier', '消费积分', '×'),
    { path: 'campaigns[].from', label: '开始日期', kind: 'day', hint: '例如 2026-05-01' },
    { path: 'campaigns[].to', label: '结束日期', kind: 'day', hint: '含当天' },
    { path: 'campaigns[].weekdays', label: '每周', kind: 'weekdays', optional: true, hint: '不选则每天' },
    { path: 'campaigns[].monthDays', label: '每月几号', kind: 'intList', optional: true, hint: `不填则每天；${LIST_HINT}` },
    { path: 'campaigns[].tags', label: '商品类别', kind: 'textList', optional: true, hint: `不填则整单；${LIST_HINT}` },
    { path: 'campaigns[].minTier', label: '最低等级', kind: 'tier', optional: true },
    points('campaigns[].capPoints', '每单最多多得', { optional: true, hint: '不填则不封顶' }),
  ],
  blank: (rules) => ({ id: freshId('campaign', rules.campaigns), name: '新活动', multiplier: 2, from: '', to: '' }),
}

const rolling = (rules: Rules) => rules.tierPolicy.mode === 'rolling'

export const RULE_GROUPS: RuleGroup[] = [
  {
    key: 'basic',
    title: '基本设置',
    fields: [
      points('signup', '注册奖励'),
      int('voucherDays', '兑换券有效期', '天'),
      { path: 'timeZone', label: '时区', kind: 'text', hint: '例如 Asia/Shanghai' },
    ],
  },
  {
    key: 'checkIn',
    title: RULE_NAMES.checkIn!,
    fields: [points('checkIn.daily', '每日签到'), int('checkIn.streakDays', '连续签到', '天'), points('checkIn.streakBonus', '连续签到奖励')],
  },
  { key: 'profile', title: RULE_NAMES.profile!, fields: [points('profile.birthday', '填写生日'), points('profile.address', '填写地址')] },
  {
    key: 'purchase',
    title: RULE_NAMES.purchase!,
    fields: [
      points('purchase.firstBonus', '首单奖励'),
      int('purchase.firstMultiplier', '首单消费积分', '×'),
      int('purchase.maxMultiplier', '积分码最高倍数', '×'),
      int('purchase.codeMinutes', '积分码有效', '分钟'),
    ],
  },
  { key: 'tiers', title: RULE_NAMES.tiers!, fields: [], list: TIERS },
  {
    key: 'tierPolicy',
    title: RULE_NAMES.tierPolicy!,
    fields: [{ path: 'tierPolicy.mode', label: '等级计算', kind: 'mode' }, int('tierPolicy.months', '按最近', '个月', { shownIf: rolling })],
  },
  { key: 'cash', title: RULE_NAMES.cash!, fields: [points('cash.pointsPerYuan', '抵 1 元需要'), int('cash.maxPercent', '最多抵付订单', '%')] },
  {
    key: 'expiry',
    title: RULE_NAMES.expiry!,
    fields: [
      int('expiry.months', '积分有效期', '个月'),
      { path: 'expiry.remindDays', label: '到期前提醒', kind: 'intList', unit: '天', hint: LIST_HINT },
    ],
  },
  {
    key: 'birthday',
    title: RULE_NAMES.birthday!,
    fields: [points('birthday.points', '生日积分'), int('birthday.percentOff', '生日当月每单立减', '%')],
  },
  {
    key: 'share',
    title: RULE_NAMES.share!,
    fields: [points('share.reward', '每次分享奖励'), int('share.dailyLimit', '每天奖励', '次'), int('share.createLimit', '每天最多分享', '次')],
  },
  {
    key: 'referral',
    title: RULE_NAMES.referral!,
    fields: [points('referral.inviterPoints', '邀请人得'), points('referral.inviteePoints', '新朋友得')],
  },
  {
    key: 'lottery',
    title: RULE_NAMES.lottery!,
    fields: [
      points('lottery.cost', '每次消耗'),
      { path: 'lottery.from', label: '开始日期', kind: 'day', optional: true, hint: '不填则一直开放' },
      { path: 'lottery.to', label: '结束日期', kind: 'day', optional: true, hint: '含当天' },
      int('lottery.perDay', '每人每天最多', '次', { optional: true, hint: '不填则不限' }),
    ],
    list: PRIZES,
  },
  { key: 'campaigns', title: RULE_NAMES.campaigns!, fields: [], list: CAMPAIGNS },
  {
    key: 'counter',
    title: RULE_NAMES.counter!,
    fields: [
      { path: 'counter.maxOrderFen', label: '店员单笔订单最多', kind: 'yuan', unit: '元' },
      int('counter.codesPerHour', '每位店员每小时最多开码', '个'),
      { path: 'counter.maxRefundFen', label: '店员单笔退款最多', kind: 'yuan', unit: '元' },
    ],
  },
  {
    key: 'winback',
    title: RULE_NAMES.winback!,
    fields: [int('winback.afterDays', '多少天没消费', '天', { hint: '0 表示不召回' }), { path: 'winback.itemId', label: '送一张', kind: 'item' }],
  },
]

/** Every field of the form, lists' fields included. */
export const RULE_FIELDS: RuleField[] = RULE_GROUPS.flatMap((g) => [...g.fields, ...(g.list?.fields ?? [])])

/** The two ways of judging tiers, as the chips say them, each with the policy it stores (a year when rolling starts). */
export const TIER_POLICY_MODES: ReadonlyArray<{ value: string; label: string; policy: Rules['tierPolicy'] }> = [
  { value: 'lifetime', label: '累计（不降级）', policy: { mode: 'lifetime' } },
  { value: 'rolling', label: '按最近几个月', policy: { mode: 'rolling', months: 12 } },
]

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'].map((name, i) => ({ value: i + 1, label: `周${name}` }))
