import { type ContentSource, createContentSource, type QueryCache, sampleDatasetPath } from '@microneedling/content'
import { unstable_cache } from 'next/cache'
import { resolveDatasetPath } from './datasetPath'
import { siteEnvironment } from './environment'

let source: ContentSource | undefined

/**
 * Next's data cache for Content Lake answers, under the loaders' cache tags: what the revalidation
 * webhook expires. `unstable_cache` rather than `fetch`'s own cache because it keeps only what the
 * source returns, never a reply the source refused (JSON cut short would otherwise be served from
 * the cache until the next webhook). Pages rendered from cached answers are tagged the same way.
 */
const nextDataCache: QueryCache = (keyParts, tags, compute) => unstable_cache(compute, keyParts, { tags })()

/**
 * The one content source of this server process: the Content Lake when a Sanity project is
 * configured, otherwise the embedded NDJSON dataset. Shared by pages and by the /go/ proxy.
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
      { studioUrl: environment.SANITY_STUDIO_URL, cache: nextDataCache },
    )
    if (source.kind === 'embedded') console.info(`[content] reading the embedded dataset at ${datasetPath}`)
  }
  return source
}
