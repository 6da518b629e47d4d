import { createContentSource, sampleDatasetPath } from '@microneedling/content/config'
import type { QueryCache } from '@microneedling/content/source/contentLake'
import type { ContentSource } from '@microneedling/content/source/types'
import { LRUCache } from 'lru-cache'
import { unstable_cache } from 'next/cache'
import { siteEnvironment } from '../env/siteEnvironment'
import { processWide } from '../processWide'
import { resolveDatasetPath } from './datasetPath'

let source: ContentSource | undefined

/**
 * Answers to queries whose parameters visitors choose (filters, search words): kept in this
 * process, at most this many, least recently used first out. Next's data cache would keep each one
 * on disk with no bound, and the URL space of filters has none.
 */
const maxVisitorQueryAnswers = 1000

type VisitorQueryAnswers = LRUCache<string, { tags: readonly string[]; answer: Promise<unknown> }>

// Process-wide: pages and the webhook route are separate bundles in one server process, and the
// webhook must empty the copy pages read from, not one of its own.
const visitorQueryAnswers = () =>
  processWide<VisitorQueryAnswers>('visitorQueryAnswers', () => new LRUCache({ max: maxVisitorQueryAnswers }))

/**
 * Content Lake answers kept between requests, under the loaders' cache tags (what the revalidation
 * webhook expires). Queries named by slug or with no parameters go to Next's data cache
 * (`unstable_cache`), which keeps only what the source returns, never a reply it refused; queries
 * with visitors' parameters go to the bounded cache above, which forgets a failed answer at once.
 */
const contentLakeCache: QueryCache = (keyParts, tags, compute, { paramsFromVisitors }) => {
  if (!paramsFromVisitors) return unstable_cache(compute, keyParts, { tags })()
  const answers = visitorQueryAnswers()
  const key = keyParts.join('\n')
  const kept = answers.get(key)
  if (kept) return kept.answer as ReturnType<typeof compute>
  const answer = compute()
  answers.set(key, { tags, answer })
  answer.catch(() => {
    if (answers.get(key)?.answer === answer) answers.delete(key)
  })
  return answer
}

/** Called with the tags the revalidation webhook expires, so visitors' queries read fresh content too. */
export function forgetVisitorQueryAnswers(expiredTags: readonly string[] | 'everything'): void {
  const answers = visitorQueryAnswers()
  if (expiredTags === 'everything') {
    answers.clear()
    return
  }
  const expired = new Set(expiredTags)
  for (const [key, { tags }] of answers.entries()) {
    if (tags.some((tag) => expired.has(tag))) answers.delete(key)
  }
}

/**
 * The one content source of this server process: the Content Lake when a Sanity project is
 * configured, otherwise the embedded NDJSON dataset (which keeps its own bounded result cache).
 * Shared by pages and by the /go/ proxy.
 */
export function contentSource(): ContentSource {
  if (!source) {
    const environment = siteEnvironment()
    const datasetPath = resolveDatasetPath({
      configured: environment.CONTENT_DATASET,
      packageSample: sampleDatasetPath,
    })
    source = createContentSource(
      { ...environment, CONTENT_DATASET: datasetPath },
      { studioUrl: environment.SANITY_STUDIO_URL, cache: contentLakeCache },
    )
    if (source.kind === 'embedded') console.info(`[content] reading the embedded dataset at ${datasetPath}`)
  }
  return source
}
