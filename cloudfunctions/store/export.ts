/** store.exportCsv: ledger, members or purchases of a period as a CSV file in cloud storage, for Excel, a CRM or an ERP. */
import { toCsv, type Cell } from '../../shared/csv'
import type { LedgerEntry, Member, PurchaseDoc } from '../../shared/member'
import { periodOf, type Period } from '../../shared/metrics'
import { purchaseView } from '../../shared/member'
import { yuan } from '../../shared/money'
import { Refusal } from '../../shared/refusal'
import type { Rules } from '../../shared/rules'
import { schemas } from '../../shared/schemas'
import { tierHeld } from '../../shared/tiers'
import type { CollectionName } from '../../shared/collections'
import { db, tempUrls, uploadFile } from '../common/cloud'
import { action } from '../common/router'

const _ = db.command
const PAGE = 1000
/** The most rows one file holds: a bigger export is asked for in shorter periods (the function's time and memory are bounded). */
const MAX_ROWS = 50_000

/** Every document of the period, oldest first, a page at a time. */
async function inPeriod<T>(name: CollectionName, field: string, period: Period): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const res = await db
      .collection(name)
      .where({ [field]: _.gte(period.start).and(_.lt(period.end)) })
      .orderBy(field, 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()
    out.push(...(res.data as T[]))
    if (out.length > MAX_ROWS) throw new Refusal('INVALID_ARGUMENT', `导出的记录超过 ${MAX_ROWS} 条，请缩短日期范围分几次导出`)
    if (res.data.length < PAGE) return out
  }
}

const iso = (d: Date | null | undefined): string => (d ? new Date(d).toISOString() : '')

const TABLES = {
  async ledger(period: Period): Promise<[string[], Cell[][]]> {
    const rows = await inPeriod<LedgerEntry>('ledger', 'at', period)
    return [
      ['时间', '会员', '类型', '积分变化', '变化后余额', '说明', '记录编号'],
      rows.map((e) => [iso(e.at), e.openid, e.kind, e.delta, e.balanceAfter, e.reason, e._id]),
    ]
  },
  async members(period: Period, rules: Rules): Promise<[string[], Cell[][]]> {
    const rows = (await inPeriod<Member>('members', 'createdAt', period)).filter((m) => !m.deleting)
    return [
      ['会员号', '会员', '昵称', '等级', '积分', '累计获得积分', '累计消费（元）', '消费次数', '生日', '入会时间', '已冻结'],
      rows.map((m) => [
        m.memberNo ?? '',
        m._id,
        m.nickname,
        tierHeld(rules, m).name,
        m.balance,
        m.lifetimePoints,
        yuan(m.totalSpentFen),
        m.purchases,
        m.birthday ?? '',
        iso(m.createdAt),
        m.frozen ? '是' : '否',
      ]),
    ]
  },
  async purchases(period: Period): Promise<[string[], Cell[][]]> {
    const rows = await inPeriod<PurchaseDoc>('purchases', 'claimedAt', period)
    const now = new Date()
    return [
      ['订单号', '状态', '订单金额（元）', '实付（元）', '抵扣积分', '获得积分', '已退款（元）', '会员', '结账时间'],
      rows.map((doc) => {
        const p = purchaseView(doc, now)
        return [
          p.orderId,
          p.status,
          yuan(p.amountFen),
          yuan(p.payFen),
          p.deductedPoints,
          p.awarded,
          yuan(p.refundedFen),
          doc.claimedBy ?? '',
          iso(doc.claimedAt),
        ]
      }),
    ]
  },
}

export const exportCsv = action({
  who: 'admin',
  schema: schemas.store.exportCsv,
  async run(args, ctx) {
    const period = periodOf(args.from, args.to, ctx.rules)
    const [header, rows] = await TABLES[args.what](period, ctx.rules)
    const cloudPath = `exports/${args.what}-${args.from}-${args.to}-${ctx.now.getTime()}.csv`
    const fileID = await uploadFile(cloudPath, Buffer.from(toCsv(header, rows), 'utf8'))
    const tempFileURL = (await tempUrls([fileID])).get(fileID)
    if (!tempFileURL) throw new Refusal('INTERNAL', '文件已生成，但暂时无法下载，请稍后再试')
    return { fileID, tempFileURL }
  },
})
