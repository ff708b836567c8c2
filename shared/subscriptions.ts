/** The reminders a shopper may subscribe to; a module of its own so pages read it without the schema library. */
export const subscriptionKinds = ['expiry', 'benefit'] as const
