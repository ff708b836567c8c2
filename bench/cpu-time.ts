/**
 * CPU time of this process and of its child processes (the function instances), read from /proc:
 * on a busy two-core machine throughput follows CPU per operation, a figure the machine's load barely moves.
 */
import { readdirSync, readFileSync } from 'node:fs'

export interface CpuTime {
  /** This process: the local cloud's server and host, and the load's own client. */
  hostMs: number
  /** Every live child process: the function instances. */
  instancesMs: number
}

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** utime + stime and the parent pid of one process, or null once it is gone. */
function stat(pid: string): { ppid: number; ms: number } | null {
  try {
    // the command name may hold spaces, so fields are counted after its closing parenthesis
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS }
  } catch {
    return null
  }
}

/** Null where there is no /proc (not Linux). */
export function cpuTime(): CpuTime | null {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return null
  }
  const own = process.cpuUsage()
  let instancesMs = 0
  for (const pid of pids) {
    const s = stat(pid)
    if (s && s.ppid === process.pid) instancesMs += s.ms
  }
  return { hostMs: (own.user + own.system) / 1000, instancesMs }
}

/** CPU ms per operation between two readings, or null without /proc. */
export function cpuPerOperation(before: CpuTime | null, after: CpuTime | null, operations: number): CpuTime | null {
  if (!before || !after) return null
  return { hostMs: (after.hostMs - before.hostMs) / operations, instancesMs: (after.instancesMs - before.instancesMs) / operations }
}
