/** share: a shopper shares the mall or an item; the sharer earns when a friend opens it (rules: reward, daily limit). */
import { dayOf } from '../../shared/calendar'
import { randomCode } from '../../shared/codes'
import { shareCreateRefusal, usageIds } from '../../shared/limits'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { becomesInvitee } from '../../shared/referral'
import { shareIds, shareReward, whyNoReward, type ShareDoc } from '../../shared/share'
import { createDoc, db, getDoc, putDoc } from '../common/cloud'
import { markOf } from '../common/marks'
import { findMember, requireMember, storeOutcome } from '../common/members'
import { action, createMain } from '../common/router'
import { transact } from '../common/transact'
import { countUse, usedSoFar } from '../common/usage'

interface DayCount {
  _id: string
  count: number
}

export const actions = {
  create: action({
    who: 'member',
    schema: schemas.share.create,
    async run(args, ctx) {
      const share: ShareDoc = { _id: randomCode(), openid: ctx.openid, itemId: args.itemId ?? null, createdAt: ctx.now }
      const usageId = usageIds.sharesCreated(ctx.openid, dayOf(ctx.now, ctx.rules.timeZone))
      // written with the member, so a share is either made before a deletion starts (and moved with it) or refused
      await transact(async (t) => {
        const [createdToday] = await Promise.all([usedSoFar(t, usageId), requireMember(t, ctx.openid)])
        const refusal = shareCreateRefusal(createdToday, ctx.rules)
        if (refusal) throw refusal
        await Promise.all([
          createDoc(t, 'shares', share),
          countUse(t, usageId, ctx.openid, createdToday, ctx.now),
          t
            .collection('members')
            .doc(ctx.openid)
            .update({ data: { updatedAt: ctx.now } }),
        ])
      })
      return { shareId: share._id }
    },
  }),

  open: action({
    who: 'member',
    schema: schemas.share.open,
    async run(args, ctx) {
      // only a member's open is worth a reward: anyone can make up OPENIDs that never joined
      await requireMember(db, ctx.openid)
      const share = await getDoc<ShareDoc>(db, 'shares', args.shareId)
      if (!share) throw new Refusal('NOT_FOUND', '分享链接无效')
      const day = dayOf(ctx.now, ctx.rules.timeZone)
      // the records name sharer and friend by keyed hash only, so deleting either account leaves nothing to rewrite
      const [sharerMark, friendMark] = await Promise.all([markOf(share.openid), markOf(ctx.openid)])
      const pairId = shareIds.pair(sharerMark, friendMark)
      const dayId = shareIds.day(sharerMark, day)
      // the pair, the day's counter and the sharer are all written together, so a rush can neither repeat nor exceed
      return transact(async (t) => {
        const [sharer, friend, pair, counter] = await Promise.all([
          findMember(t, share.openid),
          requireMember(t, ctx.openid),
          getDoc(t, 'shareOpens', pairId),
          getDoc<DayCount>(t, 'shareOpens', dayId),
        ])
        const sharerInvitedBy = sharer?.invitedBy ? await getDoc<ShareDoc>(t, 'shares', sharer.invitedBy) : null
        // set once, by the share that first brought the friend in: the inviter is named by the share, never by OPENID
        const invited = becomesInvitee(friend, share, sharer, sharerInvitedBy, ctx.now)
        const invite = invited
          ? [
              t
                .collection('members')
                .doc(ctx.openid)
                .update({ data: { invitedBy: share._id } }),
            ]
          : []
        const todayCount = counter?.count ?? 0
        if (whyNoReward(share, ctx.openid, { sharer, pairSeen: pair !== null, todayCount }, ctx.rules) || !sharer) {
          await Promise.all(invite)
          return { rewarded: false, invited }
        }
        await storeOutcome(t, shareReward(sharer, friendMark, ctx.rules, ctx.now), false, ...invite)
        await createDoc(t, 'shareOpens', { _id: pairId, shareId: share._id, at: ctx.now })
        await putDoc(t, 'shareOpens', { _id: dayId, day, count: todayCount + 1 })
        return { rewarded: true, invited }
      })
    },
  }),
}

export const main = createMain(actions)
