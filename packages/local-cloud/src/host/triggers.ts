/**
 * Fires timer triggers on their cron schedule, read in UTC+8 like the cloud, against the emulator
 * clock. Only time that passes while the clock ticks fires a trigger: a jump of the clock skips the
 * runs in between (so a test travelling a year does not set off a surprise job); travel to just
 * before a scheduled time to see it fire, or use `/_emulator/trigger/<name>`.
 */
import { Cron } from 'croner'
import type { Clock } from '../clock'
import type { TimerTrigger } from './function-config'

const TICK_MS = 200

interface Scheduled {
  functionName: string
  cron: Cron
}

export class TriggerScheduler {
  private readonly scheduled: Scheduled[] = []
  private lastReal = Date.now()
  private readonly ticker: NodeJS.Timeout

  constructor(
    private readonly clock: Clock,
    triggers: Array<{ functionName: string; trigger: TimerTrigger }>,
    private readonly fire: (functionName: string) => void,
  ) {
    for (const { functionName, trigger } of triggers) {
      try {
        // Paused: croner only computes run times here, the clock drives firing.
        const cron = new Cron(trigger.cron, { timezone: 'Asia/Shanghai', mode: '6-or-7-parts', paused: true })
        this.scheduled.push({ functionName, cron })
      } catch (error) {
        console.warn(`${functionName}: timer trigger "${trigger.cron}" ignored: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    this.ticker = setInterval(() => this.tick(), TICK_MS)
    this.ticker.unref()
  }

  /** The next time each trigger fires, on the emulator clock. */
  nextRuns(): Record<string, string | null> {
    const runs: Record<string, string | null> = {}
    for (const s of this.scheduled) runs[s.functionName] = s.cron.nextRun(this.clock.now())?.toISOString() ?? null
    return runs
  }

  stop(): void {
    clearInterval(this.ticker)
    for (const s of this.scheduled) s.cron.stop()
  }

  private tick(): void {
    const real = Date.now()
    // The real time since the last tick, seen through the clock's current offset.
    const from = new Date(this.lastReal + this.clock.offset)
    const now = new Date(real + this.clock.offset)
    this.lastReal = real
    for (const s of this.scheduled) {
      const next = s.cron.nextRun(from)
      if (next && next <= now) this.fire(s.functionName)
    }
  }
}
