import { readdirSync, readFileSync } from 'node:fs'
import { type ProcessGroup, startProcessGroup } from '../../tests/support/processGroup.ts'

/**
 * Child processes run in their own process group, with the memory of the whole tree (Next.js
 * starts worker processes for builds) sampled from /proc. Linux only, like the machines here.
 */

function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeResidentBytes(rootPid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const parent = parentOf(pid)
    if (parent === undefined) continue
    children.set(parent, [...(children.get(parent) ?? []), pid])
  }
  let total = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop()!
    total += residentBytes(pid)
    pending.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Samples a process tree's memory until stopped; `peak` is the highest sum seen. */
export function sampleTreeMemory(rootPid: number, intervalMs = 250): { peak(): number; stop(): number } {
  let peak = treeResidentBytes(rootPid)
  const timer = setInterval(() => {
    peak = Math.max(peak, treeResidentBytes(rootPid))
  }, intervalMs)
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}

export interface RunningProcess extends ProcessGroup {
  pid: number
}

const running = new Set<RunningProcess>()

/** Starts a command in its own process group, remembered until it exits so `stopAll` can stop it. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningProcess {
  const group = startProcessGroup(command, args, options)
  const process_: RunningProcess = {
    ...group,
    pid: group.child.pid ?? -1,
    stop: async () => {
      running.delete(process_)
      await group.stop()
    },
  }
  running.add(process_)
  const forget = () => running.delete(process_)
  void group.exited.then(forget, forget)
  return process_
}

/** Stops every process this run started and is still running: on Ctrl-C, or after an error. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((process_) => process_.stop()))
}

export { delay, tail } from '../../tests/support/processGroup.ts'
