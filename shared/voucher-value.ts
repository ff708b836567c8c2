/** What a voucher is worth at the till: 满减, a capped percentage, a capped free order, or a points multiplier. Integer fen. */
import { z } from 'zod'
import { yuan } from './money'
import { Refusal } from './refusal'

/** The largest order a voucher may take off or require: 100 000 yuan. */
const MAX_FEN = 100_000_00
const fen = z.int('金额应为整数（分）').min(1, '金额至少 1 分').max(MAX_FEN, '金额最多 10 万元')

/** The one schema of `value`, on mall items (saveItem) and on their vouchers. */
export const voucherValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('amountOff'), offFen: fen, minSpendFen: fen.optional() }),
  z.strictObject({
    type: z.literal('percentOff'),
    percent: z.int('折扣应为整数').min(1, '折扣至少减 1%').max(99, '折扣最多减 99%'),
    maxOffFen: fen.optional(),
    minSpendFen: fen.optional(),
  }),
  z.strictObject({ type: z.literal('freeOrder'), maxOffFen: fen }),
  z.strictObject({
    type: z.literal('pointsMultiplier'),
    multiplier: z.int('积分倍数应为整数').min(2, '积分倍数至少 2 倍').max(5, '积分倍数最多 5 倍'),
  }),
])

export type VoucherValue = z.infer<typeof voucherValueSchema>

/** The order amount a voucher needs before it can be used (0: none). */
export function minSpendOf(value: VoucherValue): number {
  return 'minSpendFen' in value ? (value.minSpendFen ?? 0) : 0
}

/** Fen a voucher takes off what is left after the tier discount, rounded down, never more than that. */
export function voucherOffFen(value: VoucherValue | null, leftFen: number): number {
  if (!value) return 0
  switch (value.type) {
    case 'amountOff':
      return Math.min(value.offFen, leftFen)
    case 'percentOff':
      return Math.min(Math.floor((leftFen * value.percent) / 100), value.maxOffFen ?? leftFen, leftFen)
    case 'freeOrder':
      return Math.min(value.maxOffFen, leftFen)
    case 'pointsMultiplier':
      return 0
  }
}

/** The multiplier a 积分翻倍卡 puts on a purchase's points (1 for any other voucher). */
export function voucherMultiplier(value: VoucherValue | null): number {
  return value?.type === 'pointsMultiplier' ? value.multiplier : 1
}

/** The voucher as a shopper reads it: 满100减10, 8折（最多减20元）, 免单（最多100元）, 积分×2. */
export function valueText(value: VoucherValue): string {
  const spend = minSpendOf(value) > 0 ? `满${yuan(minSpendOf(value))}` : ''
  switch (value.type) {
    case 'amountOff':
      return spend ? `${spend}减${yuan(value.offFen)}` : `立减${yuan(value.offFen)}元`
    case 'percentOff':
      return `${spend}${(100 - value.percent) / 10}折${value.maxOffFen ? `（最多减${yuan(value.maxOffFen)}元）` : ''}`
    case 'freeOrder':
      return `免单（最多${yuan(value.maxOffFen)}元）`
    case 'pointsMultiplier':
      return `消费积分×${value.multiplier}`
  }
}

/** What a voucher needs of the order's amount; a refusal that says how much more to buy. */
export function requireMinSpend(value: VoucherValue, amountFen: number): void {
  const min = minSpendOf(value)
  if (amountFen < min) throw new Refusal('INVALID_ARGUMENT', `这张券需消费满 ${yuan(min)} 元才能使用，还差 ${yuan(min - amountFen)} 元`)
}
