/** Deleting an account: the member and its personal data go; ledger entries and vouchers stay, under a random anonymous id. */
import { randomCode } from '../../shared/codes'
import type { LedgerEntry } from '../../shared/member'
import { db } from '../common/cloud'

const BATCH = 100

export async function deleteAccount(openid: string): Promise<void> {
  const _ = db.command
  const anon = `anon-${randomCode(16)}`
  await db.collection('vouchers').where({ openid }).update({ data: { openid: anon } })
  for (;;) {
    const res = await db.collection('ledger').where({ openid }).limit(BATCH).get()
    const rows = res.data as LedgerEntry[]
    if (rows.length === 0) break
    // ledger ids carry the OPENID, so each entry is copied under an id that does not, then the original removed
    const copies = rows.map((e) => ({ ...e, _id: e._id.includes(openid) ? e._id.split(openid).join(anon) : `${e._id}:${anon}`, openid: anon }))
    await db.collection('ledger').add({ data: copies })
    await db.collection('ledger').where({ openid, _id: _.in(rows.map((e) => e._id)) }).remove()
  }
  // the member goes last, so a deletion cut short can be asked for again
  await db.collection('members').doc(openid).remove()
}
