/** member: login, summary, profile, ledger, subscriptions, account deletion. */
import { createHash } from 'node:crypto'
import { memberCode } from '../../shared/codes'
import { completeProfile, summaryOf, type Item, type Member } from '../../shared/member'
import { newMemberCode } from '../../shared/member-code'
import { firstMarks, joinOnce, type OnceMarks } from '../../shared/once'
import { Refusal } from '../../shared/refusal'
import { schemas } from '../../shared/schemas'
import { randomMemberNo } from '../../shared/member-no'
import { db, createDoc, getDoc, type Store } from '../common/cloud'
import { markOf, onceId } from '../common/marks'
import { ledgerAfter, requireMember, storeOutcome } from '../common/members'
import { action, createMain, type Context } from '../common/router'
import { roleAtStore } from '../common/staff'
import { transact } from '../common/transact'
import { deleteAccount, finishDeletion } from './account'
import { joinStaff } from './join-staff'

/** The items a summary may recommend. */
async function openItems(): Promise<Item[]> {
  const res = await db.collection('items').where({ active: true }).limit(100).get()
  return res.data as Item[]
}

/** The unkeyed sign-up mark of accounts deleted before the once-only marks were keyed: still no second sign-up bonus. */
const oldSignupMark = (openid: string) => `signup:${createHash('sha256').update(openid).digest('hex').slice(0, 32)}`

/** A new member, with only what this WeChat user never had before (the once-only marks, kept under a keyed hash). */
async function join(ctx: Context): Promise<Member> {
  const id = await onceId(ctx.openid)
  return transact(async (t) => {
    const [existing, marks, oldSignup] = await Promise.all([
      getDoc<Member>(t, 'members', ctx.openid),
      getDoc<OnceMarks>(t, 'grants', id),
      getDoc(t, 'grants', oldSignupMark(ctx.openid)),
    ])
    if (existing?.deleting) throw new Refusal('CONFLICT', '账号正在注销，请稍后再试')
    if (existing) return existing
    const outcome = joinOnce(ctx.openid, marks ?? (oldSignup ? firstMarks(id, ctx.now) : null), ctx.rules, ctx.now)
    outcome.member.memberNo = await claimMemberNo(t, ctx)
    await storeOutcome(t, outcome, true)
    if (!marks) await createDoc(t, 'grants', firstMarks(id, ctx.now))
    return outcome.member
  })
}

/** A member number no one holds, claimed in the caller's transaction (a racing claim of the same number conflicts and retries with another). */
async function claimMemberNo(t: Store, ctx: Context): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const no = randomMemberNo()
    if (await getDoc(t, 'memberNos', no)) continue
    await createDoc(t, 'memberNos', { _id: no, openid: ctx.openid, at: ctx.now })
    return no
  }
  throw new Refusal('CONFLICT', '当前人数较多，请稍后再试')
}

/** A member who joined before member numbers gets one now. */
async function giveMemberNo(ctx: Context): Promise<Member> {
  return transact(async (t) => {
    const member = await requireMember(t, ctx.openid)
    if (member.memberNo) return member
    const memberNo = await claimMemberNo(t, ctx)
    await t.collection('members').doc(ctx.openid).update({ data: { memberNo } })
    return { ...member, memberNo }
  })
}

/** The caller's member; a deletion left unfinished (cut short, or still running) is finished first. */
async function memberOrJoin(ctx: Context): Promise<Member> {
  const found = await getDoc<Member>(db, 'members', ctx.openid)
  if (found?.deleting) await finishDeletion(ctx.openid, found.deleting.anon)
  if (found && !found.deleting) return found.memberNo ? found : giveMemberNo(ctx)
  return join(ctx)
}

const PAGE = 20

export const actions = {
  login: action({
    who: 'anyone',
    schema: schemas.member.login,
    async run(_args, ctx) {
      const [member, items, role] = await Promise.all([memberOrJoin(ctx), openItems(), roleAtStore(ctx.openid)])
      return summaryOf(member, ctx.rules, ctx.now, items, role)
    },
  }),

  summary: action({
    who: 'member',
    schema: schemas.member.summary,
    async run(_args, ctx) {
      const [member, items, role] = await Promise.all([requireMember(db, ctx.openid), openItems(), roleAtStore(ctx.openid)])
      return summaryOf(member, ctx.rules, ctx.now, items, role)
    },
  }),

  updateProfile: action({
    who: 'member',
    schema: schemas.member.updateProfile,
    async run(args, ctx) {
      const birthdayMark = args.birthday === undefined ? undefined : await markOf(ctx.openid, 'birthday', args.birthday)
      return transact(async (t) => {
        const outcome = completeProfile(await requireMember(t, ctx.openid), args, ctx.rules, ctx.now, birthdayMark)
        await storeOutcome(t, outcome)
        return outcome.answer
      })
    },
  }),

  ledger: action({
    who: 'member',
    schema: schemas.member.ledger,
    run: (args, ctx) => ledgerAfter(ctx.openid, args.cursor, args.limit ?? PAGE, args.direction),
  }),

  subscribe: action({
    who: 'member',
    schema: schemas.member.subscribe,
    async run(args, ctx) {
      return transact(async (t) => {
        const member = await requireMember(t, ctx.openid)
        const subscriptions = { expiry: 0, benefit: 0, ...member.subscriptions }
        // one tap of consent allows one message of that kind; a tap can only add, up to a month of messages
        for (const kind of args.kinds) subscriptions[kind] = Math.min(31, (subscriptions[kind] ?? 0) + 1)
        await t.collection('members').doc(ctx.openid).update({ data: { subscriptions } })
        return { subscriptions }
      })
    },
  }),

  memberCode: action({
    who: 'member',
    schema: schemas.member.memberCode,
    async run(args, ctx) {
      return transact(async (t) => {
        const member = await requireMember(t, ctx.openid)
        const code = newMemberCode(memberCode(), ctx.openid, args, ctx.now)
        const old = member.memberCode
        await Promise.all([
          createDoc(t, 'memberCodes', code),
          // the member names its one live code, so the old one is void; its document goes too
          t
            .collection('members')
            .doc(ctx.openid)
            .update({ data: { memberCode: code._id } }),
          ...(old ? [t.collection('memberCodes').doc(old).remove()] : []),
        ])
        return { code: code._id, expiresAt: code.expiresAt.toISOString() }
      })
    },
  }),

  joinStaff,

  deleteAccount: action({
    who: 'member',
    schema: schemas.member.deleteAccount,
    run: (_args, ctx) => deleteAccount(ctx.openid, ctx.now),
  }),
}

export const main = createMain(actions)
