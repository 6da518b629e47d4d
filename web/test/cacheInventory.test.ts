import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { siteCaches } from '@/lib/caches/cacheInventory'

/** The README's table of caches, row by row, as the cells read. */
function readmeCacheRows(): string[][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.split('### Every cache the site keeps')[1]?.split(/\n#{2,3} /)[0] ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    )
}

describe('the list of caches', () => {
  it('is the same in the code and in the README', () => {
    expect(readmeCacheRows()).toEqual(
      siteCaches.map((cache) => [cache.name, cache.holds, cache.bound, cache.keptFor, cache.emptiedBy, cache.shared]),
    )
  })
})
