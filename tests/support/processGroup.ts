import { type ChildProcess, spawn } from 'node:child_process'

export interface ProcessGroup {
  child: ChildProcess
  /** stdout and stderr, interleaved, for error messages and logs. */
  output(): string
  exited: Promise<number | null>
  /** SIGTERM to the whole group, then SIGKILL after five seconds. */
  stop(): Promise<void>
}

/**
 * Starts a command in its own process group, so stopping it also stops the worker processes it
 * started (Next.js starts several for a build).
 */
export function startProcessGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ProcessGroup {
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

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return
    signalGroup(child, 'SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)])
    if (!stopped) {
      signalGroup(child, 'SIGKILL')
      await exited
    }
  }

  return { child, output: () => output, exited, stop }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/** A pause that does not keep the process alive on its own: time limits must not hold up the exit. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** The last lines of a process's output: enough to see why it failed without flooding the report. */
export function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}
