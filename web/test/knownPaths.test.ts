import { fileURLToPath } from 'node:url'
import { sampleDatasetPath } from '@microneedling/content/config'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import type { ContentSource } from '@microneedling/content/source/types'
import { describe, expect, it } from 'vitest'
import {
  documentPage,
  forgetKnownPaths,
  isKnownOffer,
  isKnownPage,
  knownPathsMaxAgeMs,
  knownPathsStaleLimitMs,
} from '@/lib/routing/knownPaths'

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

/** A source whose next query can be held back (or made to fail) until the test lets it go. */
function blocking() {
  let gate: Promise<void> | undefined
  let open = () => {}
  let failing = false
  let queries = 0
  const source: ContentSource = {
    ...embedded,
    fetch: async (...args: Parameters<ContentSource['fetch']>) => {
      queries++
      if (failing) throw new Error('content source down')
      await gate
      return embedded.fetch(...args)
    },
  }
  return {
    source,
    queries: () => queries,
    slow: () => {
      gate = new Promise((resolve) => {
        open = resolve
      })
    },
    release: () => {
      open()
      gate = undefined
    },
    fail: () => {
      failing = true
    },
  }
}

/** Lets background loads finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20))

const randomSlug = () => Math.random().toString(36).slice(2, 14)

describe('documentPage', () => {
  it('reads the kind and slug of device, comparison, guide and best-for guide pages only', () => {
    expect(documentPage('/devices/roller-a')).toEqual({ kind: 'device', slug: 'roller-a' })
    expect(documentPage('/compare/a-vs-b/')).toEqual({ kind: 'comparison', slug: 'a-vs-b' })
    expect(documentPage('/guides/%E0%A4%A')).toEqual({ kind: 'guide', slug: '' })
    expect(documentPage('/best/best-scalp-roller')).toEqual({ kind: 'bestForGuide', slug: 'best-scalp-roller' })
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

  it('knows the sample’s best-for guides, and only as best-for guides', async () => {
    forgetKnownPaths()
    const sample = createEmbeddedSource(sampleDatasetPath)
    const now = Date.now()
    expect(await isKnownPage(sample, 'bestForGuide', 'best-scalp-roller-for-thinning-hair', now)).toBe(true)
    expect(await isKnownPage(sample, 'bestForGuide', 'best-scalp-roller-for-hair', now)).toBe(false)
    expect(await isKnownPage(sample, 'guide', 'best-scalp-roller-for-thinning-hair', now)).toBe(false)
    expect(await isKnownPage(sample, 'bestForGuide', 'cleaning-a-home-microneedling-device', now)).toBe(false)
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
    await settled()
    expect(queries()).toBe(2)
    forgetKnownPaths()
    await isKnownPage(source, 'device', 'x', now + knownPathsMaxAgeMs + 2)
    expect(queries()).toBe(3)
  })

  it('answers from the old copy while a fresh one loads, and waits once the copy is too old', async () => {
    const { source, slow, release, queries } = blocking()
    const now = Date.now()
    expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now)).toBe(true)
    slow()
    // Past its age: answered at once from the copy, while one query loads the next.
    expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now + knownPathsMaxAgeMs + 1)).toBe(true)
    expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now + knownPathsMaxAgeMs + 2)).toBe(true)
    expect(queries()).toBe(2)
    release()
    await settled()
    // Too old to answer from: the request waits for the content source.
    slow()
    let answered = false
    const waiting = isKnownPage(
      source,
      'device',
      'lumina-titanium-roller-025',
      now + knownPathsMaxAgeMs + knownPathsStaleLimitMs + 5,
    ).then((known) => {
      answered = true
      return known
    })
    await settled()
    expect(answered).toBe(false)
    release()
    expect(await waiting).toBe(true)
    expect(queries()).toBe(3)
  })

  it('keeps answering from the copy while the content source is down, within the limit', async () => {
    const { source, fail } = blocking()
    const now = Date.now()
    await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now)
    fail()
    const errors = console.error
    console.error = () => {}
    try {
      expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now + knownPathsMaxAgeMs + 1)).toBe(true)
      await settled()
      expect(await isKnownPage(source, 'device', 'lumina-titanium-roller-025', now + knownPathsMaxAgeMs + 2)).toBe(true)
      await expect(
        isKnownPage(source, 'device', 'lumina-titanium-roller-025', now + knownPathsStaleLimitMs + 1),
      ).rejects.toThrow()
    } finally {
      console.error = errors
    }
  })
})
