/** store.rules: the merchant reads, or validates and replaces, the rules in `settings/rules`; a refused document leaves the old one. */
import { Refusal } from '../../shared/refusal'
import { resolveRules, type Rules } from '../../shared/rules'
import { schemas } from '../../shared/schemas'
import { db, getDoc, putDoc } from '../common/cloud'
import { action } from '../common/router'
import { forgetRules } from '../common/rules'

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
    // only fields the rules schema knows (plus _id and updatedAt) are stored, so resolveRules accepts the document as is
    await putDoc(db, 'settings', { _id: 'rules', ...args.rules, updatedAt: ctx.now })
    forgetRules()
    return { rules: args.rules }
  },
})
