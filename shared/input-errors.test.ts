import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldPaths } from './schema-fields'
import { describeInvalidInput, FIELD_LABELS, fieldLabel } from './input-errors'
import { schemas } from './schemas'

const allSchemas = Object.values(schemas).flatMap((fn) => Object.values(fn) as z.ZodType[])

function messageFor(schema: z.ZodType, args: unknown): string {
  const parsed = schema.safeParse(args)
  if (parsed.success) throw new Error('expected a refusal')
  return describeInvalidInput(parsed.error, args)
}

describe('input refusals in Chinese', () => {
  it('label every field of every action', () => {
    const paths = new Set(allSchemas.flatMap((s) => fieldPaths(s)))
    expect(paths).toContain('item.perMemberLimit')
    expect([...paths].filter((p) => FIELD_LABELS[p] === undefined)).toEqual([])
  })

  it('name the field and the bound', () => {
    const issue = schemas.store.issuePurchase
    expect(messageFor(issue, { orderId: 'A-1', amountFen: 0 })).toBe('金额不能小于 1')
    expect(messageFor(issue, { orderId: 'A-1', amountFen: 1.5 })).toBe('金额应为整数')
    expect(messageFor(issue, { orderId: 'A-1', amountFen: '5' })).toBe('金额应为数字')
    expect(messageFor(issue, { amountFen: 5 })).toBe('订单号不能为空')
    expect(messageFor(issue, { orderId: 'A-1', amountFen: 5, multiplier: 4 })).toBe('积分倍数不能大于 3')
    expect(messageFor(issue, { orderId: 'A-1', amountFen: 5, __proto__x: 1 })).toBe('请求内容包含不支持的内容')
    expect(messageFor(schemas.member.updateProfile, { address: 'x'.repeat(201) })).toBe('地址最多 200 个字')
    expect(messageFor(schemas.member.updateProfile, { nickname: '  ' })).toBe('昵称不能为空')
    expect(messageFor(schemas.member.subscribe, { kinds: ['sms'] })).toBe('订阅类型不在可选范围内')
  })

  it('keep a schema’s own Chinese reason', () => {
    expect(messageFor(schemas.member.updateProfile, { birthday: '2027-02-29' })).toBe('请选择正确的日期')
    expect(messageFor(schemas.member.updateProfile, {})).toBe('请至少填写一项')
  })

  it('label nested fields by their place, without the array position', () => {
    expect(fieldLabel(['item', 'points'])).toBe('所需积分')
    expect(fieldLabel(['kinds', 0])).toBe('订阅类型')
    expect(fieldLabel(['nothing', 'known'])).toBe('请求内容')
  })

  it('never show Latin letters for any refusal of the action schemas', () => {
    const inputs: unknown[] = [{}, { x: 1 }, null, [], { action: 1 }, { limit: -1, cursor: 5 }, { code: 'A', orderId: 'a:b', amountFen: 1e20 }]
    for (const schema of allSchemas) {
      for (const args of inputs) {
        const parsed = schema.safeParse(args)
        if (!parsed.success) expect(describeInvalidInput(parsed.error, args)).not.toMatch(/[A-Za-z]{2,}/)
      }
    }
  })
})
