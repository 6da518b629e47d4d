import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * src/typeAgreement.ts proves at compile time that each zod schema agrees with its query's TypeGen
 * result. A check that could never fail would prove nothing, so this compiles fixtures with `tsc`:
 * real schemas must pass, and the same schemas with one mistake each must fail, naming the field.
 */

const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const fixtures = fileURLToPath(new URL('./typeAgreementFixtures/', import.meta.url))

function typeCheck(tsconfig: string) {
  const run = spawnSync(process.execPath, [tscPath, '--noEmit', '--pretty', 'false', '-p', tsconfig], {
    cwd: fixtures,
    encoding: 'utf8',
  })
  const errors = run.stdout.split('\n').filter((line) => line.includes('error TS'))
  // `Assert<...> = true` fails twice per mistake (the constraint, and the assignment): one per line.
  const failingLines = new Map<string, string>()
  for (const error of errors) {
    const line = /^([^(]+\(\d+),/.exec(error)?.[1] ?? error
    failingLines.set(line, (failingLines.get(line) ?? '') + error)
  }
  return { status: run.status, output: run.stdout + run.stderr, failingLines }
}

// Each run type-checks zod and the schemas from scratch: several seconds.
describe('the zod/TypeGen agreement check', { timeout: 60_000 }, () => {
  it('passes the real schemas', () => {
    const result = typeCheck('tsconfig.agreeing.json')
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })

  it('fails, naming the field, when a schema disagrees with its query', () => {
    const result = typeCheck('tsconfig.disagreeing.json')
    expect(result.status, result.output).not.toBe(0)
    // The lines of the three deliberate mistakes fail, and nothing else does.
    expect([...result.failingLines.keys()], result.output).toEqual([
      'disagreeing.ts(10',
      'disagreeing.ts(17',
      'disagreeing.ts(22',
    ])

    const [renamed, wrongKind, forgotten] = result.failingLines.values()
    expect(renamed).toContain('guides[].sumary: in zod but not in the query result')
    expect(renamed).toContain('guides[].summary: in the query result but not in zod')
    expect(wrongKind).toContain('redirect.partner.allowedHosts: string in zod, list in the query result')
    expect(forgotten).toContain('sitemap.guides[]._updatedAt: in the query result but not in zod')
  })
})
