import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

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

export interface RunningProcess {
  child: ChildProcess
  pid: number
  /** stdout and stderr, interleaved, for error messages and logs. */
  output(): string
  exited: Promise<number | null>
  stop(): Promise<void>
}

const running = new Set<RunningProcess>()

/** Starts a command in its own process group, so stopping it stops everything it started. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8')
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)))
  })
  const process_: RunningProcess = {
    child,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    stop: async () => {
      running.delete(process_)
      if (child.exitCode !== null || child.signalCode !== null) return
      signalGroup(child, 'SIGTERM')
      const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)])
      if (!stopped) {
        signalGroup(child, 'SIGKILL')
        await exited
      }
    },
  }
  running.add(process_)
  void exited.then(
    () => running.delete(process_),
    () => running.delete(process_),
  )
  return process_
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/** Stops every process this run started and is still running: on Ctrl-C, or after an error. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((process_) => process_.stop()))
}

/** A pause that does not keep the process alive on its own: time limits must not hold up the exit. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** The last lines of a process's output: enough to see why it failed. */
export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}
