import { StepError } from './nextApp.ts'
import { repoRoot } from './paths.ts'
import { delay, startProcess, tail } from './processTree.ts'

export interface ContentCheckFigures {
  seconds: number
  documents: number
  msPerDocument: number
  exitCode: number | null
  /** content:check's last line: "<file>: N errors, M warnings." */
  summary: string
}

/** Times `pnpm content:check <file>` from the repo root, as a developer runs it. */
export async function timeContentCheck(
  file: string,
  documents: number,
  timeoutMs: number,
): Promise<ContentCheckFigures> {
  // npm_execpath is the pnpm that started this run; fall back to the one on PATH.
  const pnpm = process.env.npm_execpath
  const [command, args] =
    pnpm?.endsWith('.cjs') || pnpm?.endsWith('.js')
      ? [process.execPath, [pnpm, 'content:check', file]]
      : ['pnpm', ['content:check', file]]
  const started = performance.now()
  const check = startProcess(command, args, { cwd: repoRoot, env: { ...process.env, INIT_CWD: repoRoot } })
  const outcome = await Promise.race([check.exited, delay(timeoutMs).then(() => 'timeout' as const)])
  const seconds = (performance.now() - started) / 1000
  if (outcome === 'timeout') {
    await check.stop()
    throw new StepError(
      `content:check of ${file} did not finish within ${Math.round(timeoutMs / 60_000)} min and was stopped ` +
        '(raise the limit with --check-timeout <minutes>)',
    )
  }
  const summary = check.output().trimEnd().split('\n').at(-1) ?? ''
  if (outcome !== 0) {
    throw new StepError(`content:check of ${file} exited ${outcome}: the dataset should pass\n${tail(check.output())}`)
  }
  return { seconds, documents, msPerDocument: (seconds * 1000) / documents, exitCode: outcome, summary }
}
