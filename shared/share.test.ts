import { describe, expect, it } from 'vitest'
import { signUp } from './member'
import { DEFAULT_RULES } from './rules'
import { shareReward, whyNoReward, type ShareDoc } from './share'

const now = new Date('2030-06-01T23:30:00+08:00')
const sharer = signUp('anna', DEFAULT_RULES, now).member
const share: ShareDoc = { _id: 'S'.repeat(22), openid: 'anna', itemId: null, createdAt: now }

describe('whyNoReward', () => {
  it('rewards a new friend under the daily cap, and says why not otherwise', () => {
    expect(whyNoReward(share, 'ben', { sharer, pairSeen: false, todayCount: 9 }, DEFAULT_RULES)).toBeNull()
    expect(whyNoReward(share, 'anna', { sharer, pairSeen: false, todayCount: 0 }, DEFAULT_RULES)).toBe('own')
    expect(whyNoReward(share, 'ben', { sharer, pairSeen: true, todayCount: 0 }, DEFAULT_RULES)).toBe('repeat')
    expect(whyNoReward(share, 'ben', { sharer, pairSeen: false, todayCount: 10 }, DEFAULT_RULES)).toBe('limit')
    expect(whyNoReward(share, 'ben', { sharer: null, pairSeen: false, todayCount: 0 }, DEFAULT_RULES)).toBe('gone')
  })
})

describe('shareReward', () => {
  it('pays the rules’ reward with a ledger id per sharer and friend (by the friend’s mark), on the merchant day', () => {
    const out = shareReward(sharer, 'ben-mark', DEFAULT_RULES, now)
    expect(out.member.balance).toBe(105)
    expect(out.entries.map((e) => [e._id, e.delta])).toEqual([['share:anna:ben-mark', 5]])
    expect(out.answer.day).toBe('2030-06-01')
  })
})
