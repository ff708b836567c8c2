/** The local cloud's clock: real time shifted by an offset that tests set to travel in time. */
export class Clock {
  private offsetMs = 0

  /** The instant every function and `serverDate` sees. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  /** Milliseconds to add to real time; sent to each function process with every invocation. */
  get offset(): number {
    return this.offsetMs
  }

  /** Moves the clock to `iso` (it keeps ticking from there); `null` returns to real time. */
  set(iso: string | null): void {
    if (iso === null) {
      this.offsetMs = 0
      return
    }
    const target = Date.parse(iso)
    if (Number.isNaN(target)) throw new RangeError(`not an ISO-8601 instant: ${iso}`)
    this.offsetMs = target - Date.now()
  }
}
