/** The collections this package's own tests write to, with the indexes those tests exercise (a store's members and points ledger). */
export const TEST_COLLECTIONS = {
  members: { indexes: [{ fields: { nextExpiryAt: 1 } }, { fields: { createdAt: 1 } }, { fields: { birthdayMonth: 1 } }, { fields: { tier: 1 } }] },
  ledger: { indexes: [{ fields: { openid: 1, at: -1 } }, { fields: { at: 1 } }, { fields: { openid: 1, seq: -1 } }] },
  items: { indexes: [] },
  purchases: { indexes: [{ fields: { orderId: 1 }, unique: true }] },
  staff: { indexes: [] },
  settings: { indexes: [] },
} as const
