/** store.rules: the merchant reads, or validates and replaces, the rules in `settings/rules`; a refused document leaves the old one. */
import { Refusal } from '../../shared/refusal'
import { readRules, resolveRules, type Rules } from '../../shared/rules'
import { schemas } from '../../shared/schemas'
import { audit } from '../common/audit'
import { db, getDoc, putDoc } from '../common/cloud'
import { action } from '../common/router'
import { forgetRules } from '../common/rules'
import { transact } from '../common/transact'

/** What the schema cannot see: prizes named once, each paying points or an item that exists. */
async function checkPrizes(rules: Rules): Promise<void> {
  const prizes = rules.lottery.prizes
  if (new Set(prizes.map((p) => p.id)).size !== prizes.length)
    throw new Refusal('INVALID_ARGUMENT', '规则不正确：抽奖奖品编号不能重复', 'rules.lottery.prizes')
  for (const [i, p] of prizes.entries()) {
    if (p.points && p.itemId) throw new Refusal('INVALID_ARGUMENT', '规则不正确：一个奖品只能是积分或商品之一', `rules.lottery.prizes.${i}.itemId`)
    if (p.itemId && !(await getDoc(db, 'items', p.itemId)))
      throw new Refusal('INVALID_ARGUMENT', `规则不正确：奖品「${p.name}」对应的商品不存在`, `rules.lottery.prizes.${i}.itemId`)
  }
}

/**
 * A member's tier id is how their tier bonuses were paid: an id members still hold cannot leave the rules, and kept ids keep
 * their order (an id moved above another would pay its bonus a second time).
 */
async function checkTiersHeld(next: Rules, current: Rules): Promise<void> {
  const nextIds = next.tiers.map((t) => t.id)
  for (const tier of current.tiers) {
    if (nextIds.includes(tier.id)) continue
    const { total } = await db.collection('members').where({ tier: tier.id }).count()
    if (total > 0)
      throw new Refusal(
        'INVALID_ARGUMENT',
        `规则不正确：还有 ${total} 位会员是「${tier.name}」（编号 ${tier.id}），不能删除这个等级或修改它的编号`,
        'rules.tiers',
      )
  }
  const kept = current.tiers.map((t) => t.id).filter((id) => nextIds.includes(id))
  if (kept.join('\n') !== nextIds.filter((id) => kept.includes(id)).join('\n'))
    throw new Refusal('INVALID_ARGUMENT', '规则不正确：已有会员等级的先后顺序不能调换', 'rules.tiers')
}

export const rules = action({
  who: 'admin',
  schema: schemas.store.rules,
  async run(args, ctx) {
    if (!args.rules) {
      const { rules: current, problem } = readRules(await getDoc(db, 'settings', 'rules'))
      return { rules: current, storedProblem: problem }
    }
    await checkPrizes(args.rules)
    await checkTiersHeld(args.rules, resolveRules(await getDoc(db, 'settings', 'rules')))
    const next = args.rules
    await transact(async (t) => {
      const { rules: before, problem } = readRules(await getDoc(t, 'settings', 'rules'))
      // saving the same rules again changes nothing and records nothing; a set-aside document is always replaced
      if (!problem && JSON.stringify(before) === JSON.stringify(next)) return
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
