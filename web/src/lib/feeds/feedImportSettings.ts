import { contentLakeSettings } from '@microneedling/content/config'
import { createContentLakeClient } from '@microneedling/content/source/contentLake'
import type { SanityClient } from '@sanity/client'
import { usesContentLake } from '../env/environmentSchema'
import { siteEnvironment } from '../env/siteEnvironment'

/** How feed imports run, from the site's environment (see web/.env.example, "Partner product feeds"). */
export function feedImportSettings() {
  const environment = siteEnvironment()
  return {
    holdShare: environment.FEED_HOLD_SHARE ?? 0.5,
    missingImportsBeforeUnavailable: environment.FEED_MISSING_IMPORTS ?? 3,
    fetchTimeoutMs: environment.FEED_FETCH_TIMEOUT_MS ?? 300_000,
    maxBytes: Math.round((environment.FEED_MAX_MEGABYTES ?? 1024) * 1024 * 1024),
    /** A feed named by a file (a path, or file:) is for trying imports out, never read in production. */
    filesAllowed: environment.NODE_ENV !== 'production',
  }
}

/** The client imports write with, or why there is none (they can still plan). */
export function contentWriter(): { client: SanityClient } | { unavailable: string } {
  const environment = siteEnvironment()
  if (!usesContentLake(environment)) {
    return {
      unavailable:
        'The site reads the embedded dataset, which imports cannot write to. Run `pnpm dev` (the local Content Lake) or set a Sanity project with SANITY_API_WRITE_TOKEN.',
    }
  }
  if (!environment.SANITY_API_WRITE_TOKEN) {
    return { unavailable: 'SANITY_API_WRITE_TOKEN is not set: imports can only show what they would change.' }
  }
  const settings = contentLakeSettings(environment)
  return { client: createContentLakeClient({ ...settings, token: environment.SANITY_API_WRITE_TOKEN }) }
}
