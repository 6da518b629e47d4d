import { fileURLToPath } from 'node:url'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import type { ContentSource } from '@microneedling/content/source/types'
import { describe, expect, it } from 'vitest'
import { documentPage, forgetKnownPaths, isKnownOffer, isKnownPage, knownPathsMaxAgeMs } from '@/lib/routing/knownPaths'

const embedded = createEmbeddedSource(fileURLToPath(new URL('./fixtures/dataset.ndjson', import.meta.url)))

function counting(): { source: ContentSource; queries: () => number } {
  let queries = 0
  const source: ContentSource = {
    ...embedded,
    fetch: (...args: Parameters<ContentSource['fetch']>) => {
      queries++
      return embedded.fetch(...args)
    },
  }
  return { source, queries: () => queries }
}

const randomSlug = () => Math.random().toString(36).slice(2, 14)

describe('documentPage', () => {
  it('reads the kind and slug of device, comparison and guide pages only', () => {
    expect(documentPage('/devices/roller-a')).toEqual({ kind: 'device', slug: 'roller-a' })
    expect(documentPage('/compare/a-vs-b/')).toEqual({ kind: 'comparison', slug: 'a-vs-b' })
    expect(documentPage('/guides/%E0%A4%A')).toEqual({ kind: 'guide', slug: '' })
    expect(documentPage('/devices')).toBeNull()
    expect(documentPage('/devices/a/b')).toBeNull()
    expect(documentPage('/go/a/b')).toBeNull()
  })
})

describe('known paths', () => {
  it('thousands of invented slugs and offer keys cost one query in all', async () => {
    const { source, queries } = counting()
    const now = Date.now()
    expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now)).toBe(true)
    expect(await isKnownOffer(source, 'lumina-titanium-roller-025', 'o1', now)).toBe(true)
    for (let index = 0; index < 2000; index++) {
      expect(await isKnownPage(source, index % 2 ? 'guide' : 'device', randomSlug(), now)).toBe(false)
      expect(await isKnownOffer(source, 'lumina-titanium-roller-025', randomSlug(), now)).toBe(false)
    }
    expect(queries()).toBe(1)
  })

  it('refuses what cannot be a slug or key without any query', async () => {
    const { source, queries } = counting()
    for (const slug of ['', '<script>', '../etc', 'a b', 'x'.repeat(129), '-leading-hyphen']) {
      expect(await isKnownPage(source, 'device', slug)).toBe(false)
      expect(await isKnownOffer(source, slug, 'o1')).toBe(false)
    }
    expect(queries()).toBe(0)
  })

  it('asks again after a while, or at once after a webhook', async () => {
    const { source, queries } = counting()
    const now = Date.now()
    await isKnownPage(source, 'device', 'x', now)
    await isKnownPage(source, 'device', 'x', now + knownPathsMaxAgeMs + 1)
    expect(queries()).toBe(2)
    forgetKnownPaths()
    await isKnownPage(source, 'device', 'x', now + knownPathsMaxAgeMs + 2)
    expect(queries()).toBe(3)
  })
})
