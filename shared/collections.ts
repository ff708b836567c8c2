/**
 * Every collection the product uses and the indexes its queries need.
 * The local cloud creates exactly these; a merchant creates the same in the cloud console.
 */
export interface IndexSpec {
  /** Field path to direction, in key order. */
  fields: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  /** What one document is, for the console and the README. */
  holds: string
  indexes: IndexSpec[]
}

export const COLLECTIONS = {
  members: {
    holds: 'one member per OPENID: balance, lots by expiry month, tier, streak, profile',
    indexes: [
      { fields: { nextExpiryAt: 1 } },
      { fields: { createdAt: 1 } },
      { fields: { birthdayMonth: 1 } },
      { fields: { tier: 1 } },
      { fields: { quietSince: 1 } },
    ],
  },
  ledger: {
    holds: 'one entry per change of points, id derived from its cause',
    indexes: [{ fields: { openid: 1, at: -1 } }, { fields: { at: 1 } }, { fields: { openid: 1, seq: -1 } }],
  },
  items: { holds: 'the points mall catalog', indexes: [] },
  vouchers: {
    holds: 'a redeemed or granted voucher, id is its code',
    indexes: [{ fields: { openid: 1, createdAt: -1 } }, { fields: { status: 1, expiresAt: 1 } }],
  },
  purchases: {
    holds: 'a purchase code issued by staff, id is the code',
    indexes: [{ fields: { orderId: 1 }, unique: true }, { fields: { claimedAt: 1 } }],
  },
  orders: { holds: 'orderId to its purchase code, so one order has one code', indexes: [] },
  staff: { holds: 'staff and admins by OPENID with their role', indexes: [] },
  staffInvites: { holds: 'a one-use invite to join as clerk or admin, id is its code, valid 24 h', indexes: [] },
  memberNos: {
    holds: 'a member number (8 digits) as id, naming its member: the guard that keeps numbers unique',
    indexes: [{ fields: { openid: 1 } }],
  },
  shares: { holds: 'a shopper share of an item', indexes: [{ fields: { openid: 1 } }] },
  shareOpens: { holds: 'a friend opening a share, and daily reward counters', indexes: [] },
  draws: { holds: 'a lottery draw by requestId', indexes: [{ fields: { openid: 1 } }] },
  grants: { holds: 'a benefit granted once per period (birthday, monthly vouchers, win-back, reminders)', indexes: [] },
  settings: { holds: 'the merchant rules document and job progress', indexes: [] },
  usage: {
    holds: 'how often one person did something in one window (codes a clerk issued an hour, shares a member created a day), for the limits',
    indexes: [{ fields: { openid: 1 } }],
  },
  memberCodes: {
    holds: "a shopper's 会员码 by its digits: one use, 60 s, with the consent to pay with points",
    indexes: [{ fields: { openid: 1 } }],
  },
  refunds: {
    holds: 'one refund of a purchase, id `<orderId>:<refundId>`: the guard that makes a refund happen once',
    indexes: [{ fields: { orderId: 1 } }],
  },
  audit: {
    holds: 'one entry per staff or admin change, id derived from the change',
    indexes: [
      { fields: { sortKey: -1 } },
      { fields: { actorOpenid: 1, sortKey: -1 } },
      { fields: { kind: 1, sortKey: -1 } },
      { fields: { member: 1 } },
    ],
  },
} as const satisfies Record<string, CollectionSpec>

export type CollectionName = keyof typeof COLLECTIONS
