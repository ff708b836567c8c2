/** store.rules: the merchant reads, or validates and replaces, the rules in `settings/rules`; a refused document leaves the old one. */
import { Refusal } from '../../shared/refusal'
import { resolveRules, type Rules } from '../../shared/rules'
import { schemas } from '../../shared/schemas'
import { audit } from '../common/audit'
import { db, getDoc, putDoc } from '../common/cloud'
import { action } from '../common/router'
import { forgetRules } from '../common/rules'
import { transact } from '../common/transact'

/** What the schema cannot see: prizes named once, each paying points or an item that exists. */
async function checkPrizes(rules: Rules): Promise<void> {
  const prizes = rules.lottery.prizes
  if (new Set(prizes.map((p) => p.id)).size !== prizes.length) throw new Refusal('INVALID_ARGUMENT', '规则不正确：抽奖奖品编号不能重复')
  if (prizes.some((p) => p.points && p.itemId)) throw new Refusal('INVALID_ARGUMENT', '规则不正确：一个奖品只能是积分或商品之一')
  for (const p of prizes) {
    if (p.itemId && !(await getDoc(db, 'items', p.itemId))) throw new Refusal('INVALID_ARGUMENT', `规则不正确：奖品「${p.name}」对应的商品不存在`)
  }
}

export const rules = action({
  who: 'admin',
  schema: schemas.store.rules,
  async run(args, ctx) {
    if (!args.rules) return { rules: resolveRules(await getDoc(db, 'settings', 'rules')) }
    await checkPrizes(args.rules)
    const next = args.rules
    await transact(async (t) => {
      const before = resolveRules(await getDoc(t, 'settings', 'rules'))
      // saving the same rules again changes nothing and records nothing
      if (JSON.stringify(before) === JSON.stringify(next)) return
      await Promise.all([
        // only fields the rules schema knows (plus _id and updatedAt) are stored, so resolveRules accepts the document as is
        putDoc(t, 'settings', { _id: 'rules', ...next, updatedAt: ctx.now }),
        audit(t, ctx, `rules:${ctx.now.toISOString()}`, 'rules', 'rules', { before, after: next }),
      ])
    })
    forgetRules()
    return { rules: args.rules }
  },
})
