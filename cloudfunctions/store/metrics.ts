/** store.metrics: the merchant's figures for a period, each computed by the database (count and aggregate), never by loading every document. */
import type { CollectionName } from '../../shared/collections'
import {
  ACTIVE_KINDS,
  EARNING_KINDS,
  metricsOf,
  periodOf,
  type CountRow,
  type DayFlowRow,
  type FlowRow,
  type GivenAwayRow,
  type Metrics,
} from '../../shared/metrics'
import { schemas } from '../../shared/schemas'
import { db } from '../common/cloud'
import { action } from '../common/router'
import { staffIds } from '../common/staff'

/** The slice of the SDK's aggregate builder this file uses. */
interface Pipeline {
  match(query: object): Pipeline
  group(spec: object): Pipeline
  project(spec: object): Pipeline
  count(field: string): Pipeline
  end(): Promise<{ list: unknown[] }>
}

type Op = (...args: unknown[]) => object

interface AggregateOps {
  sum: Op
  cond: Op
  gt: Op
  lt: Op
  gte: Op
  split: Op
  arrayElemAt: Op
  dateToString: Op
}

const _ = db.command
const $ = (db.command as unknown as { aggregate: AggregateOps }).aggregate
const pipeline = (name: CollectionName): Pipeline => (db.collection(name) as unknown as { aggregate(): Pipeline }).aggregate()

async function rows<T>(p: Pipeline): Promise<T[]> {
  return (await p.end()).list as T[]
}

/** Distinct members with a ledger entry of these kinds in the period. */
async function membersWith(kinds: string[], inPeriod: object): Promise<number> {
  const [row] = await rows<{ n: number }>(
    pipeline('ledger')
      .match({ ...inPeriod, kind: _.in(kinds) })
      .group({ _id: '$openid' })
      .count('n'),
  )
  return row?.n ?? 0
}

export async function computeMetrics(from: string, to: string, rules: Parameters<typeof periodOf>[2]): Promise<Metrics> {
  const period = periodOf(from, to, rules)
  const during = _.gte(period.start).and(_.lt(period.end))
  const staff = await staffIds()
  const notStaff = _.nin(staff)
  const inPeriod = { at: during, openid: notStaff }
  const day = $.dateToString({ date: '$at', format: '%Y-%m-%d', timezone: rules.timeZone })
  const positive = (field: string) => $.cond({ if: $.gt([field, 0]), then: field, else: 0 })
  const negative = (field: string) => $.cond({ if: $.lt([field, 0]), then: field, else: 0 })
  const [members, newMembers, flows, dayFlows, activeMembers, checkInMembers, earners, buyerRows, tiers, promotions, givenAway] = await Promise.all([
    db
      .collection('members')
      .where({ createdAt: _.lt(period.end), _id: notStaff })
      .count(),
    db.collection('members').where({ createdAt: during, _id: notStaff }).count(),
    rows<FlowRow>(
      pipeline('ledger')
        .match(inPeriod)
        .group({ _id: '$kind', credits: $.sum(positive('$delta')), debits: $.sum(negative('$delta')) }),
    ),
    rows<DayFlowRow>(
      pipeline('ledger')
        .match(inPeriod)
        .group({ _id: { day, kind: '$kind' }, credits: $.sum(positive('$delta')), debits: $.sum(negative('$delta')) }),
    ),
    membersWith(ACTIVE_KINDS, inPeriod),
    membersWith(['checkin'], inPeriod),
    membersWith(EARNING_KINDS, inPeriod),
    rows<{ buyers: number; repeat: number }>(
      pipeline('purchases')
        .match({ claimedAt: during, claimedBy: notStaff })
        .group({ _id: '$claimedBy', n: $.sum(1) })
        .group({ _id: null, buyers: $.sum(1), repeat: $.sum($.cond({ if: $.gte(['$n', 2]), then: 1, else: 0 })) }),
    ),
    rows<CountRow>(
      pipeline('members')
        .match({ createdAt: _.lt(period.end), _id: notStaff })
        .group({ _id: '$tier', n: $.sum(1) }),
    ),
    // a promotion's ledger id is tier:<openid>:<tier>
    rows<CountRow>(
      pipeline('ledger')
        .match({ ...inPeriod, kind: 'tier' })
        .project({ tier: $.arrayElemAt([$.split(['$_id', ':']), 2]) })
        .group({ _id: '$tier', n: $.sum(1) }),
    ),
    // a fully refunded order gave its discount, voucher and points back
    rows<GivenAwayRow>(
      pipeline('purchases')
        .match({ claimedAt: during, claimedBy: notStaff, status: _.nin(['refunded']) })
        .group({
          _id: null,
          tierDiscountFen: $.sum('$claim.tierDiscountFen'),
          voucherOffFen: $.sum('$claim.voucherOffFen'),
          pointsCashFen: $.sum('$claim.deductedFen'),
        }),
    ),
  ])
  const buyers = buyerRows[0] ?? { buyers: 0, repeat: 0 }
  return metricsOf(
    period,
    {
      members: members.total,
      newMembers: newMembers.total,
      activeMembers,
      checkInMembers,
      earners,
      buyers: buyers.buyers,
      repeatBuyers: buyers.repeat,
      flows,
      dayFlows,
      tiers,
      promotions,
      givenAway: givenAway[0],
    },
    rules,
  )
}

export const metrics = action({
  who: 'admin',
  schema: schemas.store.metrics,
  run: (args, ctx) => computeMetrics(args.from, args.to, ctx.rules),
})
