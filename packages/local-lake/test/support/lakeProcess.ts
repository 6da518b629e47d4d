import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * The lake's own command (`local-lake start`) in a child process, as `pnpm dev` runs it, so a test
 * can kill it the way a crash or a power cut would.
 */
const cliPath = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))

export interface LakeProcess {
  url: string
  child: ChildProcess
  output: () => string
}

export async function startLakeProcess(environment: Record<string, string>): Promise<LakeProcess> {
  const child = spawn(process.execPath, [cliPath, 'start'], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the lake did not start:\n${output}`)), 15_000)
    child.once('exit', (code) => reject(new Error(`the lake exited with ${code}:\n${output}`)))
    child.stdout!.on('data', () => {
      const match = /local Content Lake at (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  child.removeAllListeners('exit')
  return { url, child, output: () => output }
}

export function killHard(lake: LakeProcess): Promise<void> {
  return new Promise((resolve) => {
    lake.child.once('exit', () => resolve())
    lake.child.kill('SIGKILL')
  })
}
