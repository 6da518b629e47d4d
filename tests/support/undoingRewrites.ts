import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * Runs `work`, then undoes what it wrote into the given files *only* when that write mentions
 * `marker`. `next build` rewrites web/next-env.d.ts (and can add include entries to
 * tsconfig.json) to point at its dist directory; a test build into .next-test must not leave
 * those pointing at .next-test for everyone else. A file edited by someone else meanwhile, without
 * the marker, is left alone.
 */
export async function undoingRewrites<T>(paths: string[], marker: string, work: () => Promise<T>): Promise<T> {
  const before = new Map(paths.map((path) => [path, existsSync(path) ? readFileSync(path, 'utf8') : null] as const))
  try {
    return await work()
  } finally {
    for (const [path, previous] of before) {
      if (previous === null || previous.includes(marker) || !existsSync(path)) continue
      const current = readFileSync(path, 'utf8')
      if (current !== previous && current.includes(marker)) writeFileSync(path, previous)
    }
  }
}
