/** store.items: the owner's list of every mall item, retired ones too, each with a link to its picture. */
import { byOwnerOrder, itemView } from '../../shared/catalog'
import type { Item } from '../../shared/member'
import { schemas } from '../../shared/schemas'
import { db, tempUrls } from '../common/cloud'
import { action } from '../common/router'

/** As many as the mall lists. */
const MAX_ITEMS = 100

export const items = action({
  who: 'admin',
  schema: schemas.store.items,
  async run() {
    const res = await db.collection('items').limit(MAX_ITEMS).get()
    const docs = (res.data as Item[]).sort(byOwnerOrder)
    const images = await tempUrls([...new Set(docs.flatMap((i) => (i.image ? [i.image] : [])))])
    return { items: docs.map((i) => ({ ...itemView(i), imageUrl: (i.image && images.get(i.image)) || null })) }
  },
})
