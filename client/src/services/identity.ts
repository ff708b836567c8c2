// Local H5 only: who the page acts as, since there is no WeChat login to supply an OPENID.
export const DEMO_IDENTITIES = [
  { openid: 'demo-shopper-1', label: '顾客1' },
  { openid: 'demo-shopper-2', label: '顾客2' },
  { openid: 'demo-shopper-3', label: '顾客3' },
  { openid: 'demo-staff', label: '店员' },
  { openid: 'demo-admin', label: '店主' },
] as const

const STORAGE_KEY = 'pointsClub.identity'
const DEFAULT_IDENTITY = 'demo-shopper-1'

interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function store(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function currentIdentity(storage: KeyValueStore | null = store()): string {
  const saved = storage?.getItem(STORAGE_KEY)
  return saved && DEMO_IDENTITIES.some((d) => d.openid === saved) ? saved : DEFAULT_IDENTITY
}

export function setIdentity(openid: string, storage: KeyValueStore | null = store()): void {
  storage?.setItem(STORAGE_KEY, openid)
}
