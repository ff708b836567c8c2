// One id per user intent: retries of the same tap reuse it (the server answers ALREADY_DONE or
// the first result), a new intent starts once the previous one got a definitive answer.
export class Intent {
  private id: string | null = null
  private key = ''

  constructor(
    private readonly prefix = 'r',
    private readonly random: () => string = randomId,
  ) {}

  // The key names what is asked (e.g. the item); asking for something else is a new intent.
  current(key = ''): string {
    if (!this.id || key !== this.key) {
      this.id = `${this.prefix}-${this.random()}`
      this.key = key
    }
    return this.id
  }

  // A definitive answer (success or a business error) ends the intent; transport failures keep it.
  settle(code: string | null): void {
    if (code !== 'INTERNAL' && code !== 'CONFLICT') this.id = null
  }
}

export function randomId(): string {
  const bytes = new Uint8Array(12)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
