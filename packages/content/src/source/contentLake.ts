import { createClient, type SanityClient } from '@sanity/client'
import { stegaFilter } from './stega.ts'
import type { ContentSource, FetchOptions, QueryParams } from './types.ts'

export interface ContentLakeSettings {
  projectId: string
  dataset: string
  apiVersion: string
  /** Read token: needed for drafts; never sent to the browser. */
  token?: string
  /** Another API host: a proxy, or the local Content Lake (packages/local-lake). */
  apiHost?: string
  useCdn: boolean
  /**
   * How long one query may take, the client's own retries included. The client's default is
   * minutes; a page waiting that long is worse than one that says the content is temporarily
   * unavailable.
   */
  timeoutMs?: number
  /** Where editors open the Studio: stega-encoded previews link each text back to its field there. */
  studioUrl?: string
  /** Where published answers are kept between requests (Next's data cache, in the site); none by default. */
  cache?: QueryCache
}

export const defaultQueryTimeoutMs = 10_000

/**
 * @sanity/client retries a query that meets 429, 502, 503 or a dropped connection, pausing longer
 * each time (five times by default, several seconds in all). A couple of quick retries ride out a
 * passing overload; the query's deadline (an abort signal) stops them when time is up.
 */
const maxRetries = 2
const retryPauseMs = (attempt: number) => 100 * attempt

export function createContentLakeClient(settings: ContentLakeSettings): SanityClient {
  return createClient({
    projectId: settings.projectId,
    dataset: settings.dataset,
    apiVersion: settings.apiVersion,
    useCdn: settings.useCdn,
    perspective: 'published',
    timeout: settings.timeoutMs ?? defaultQueryTimeoutMs,
    maxRetries,
    retryDelay: retryPauseMs,
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.apiHost ? { apiHost: settings.apiHost, useProjectHostname: false } : {}),
  })
}

export class MalformedReplyError extends Error {
  override name = 'MalformedReplyError'
}

/** Drafts were asked for, but this site has no read token: the Content Lake would quietly answer with published content. */
export class PreviewUnavailableError extends Error {
  override name = 'PreviewUnavailableError'
}

/**
 * Keeps good answers for reuse, under cache tags, until a tag is expired: in the site, Next's data
 * cache (`unstable_cache`), which the revalidation webhook expires by tag. Only what `compute`
 * returns is kept; when it throws (an HTTP error, a time-out, a reply that is not a query result),
 * nothing is, so a bad reply is never served again from the cache.
 */
export type QueryCache = <T>(
  keyParts: string[],
  tags: string[],
  compute: () => Promise<T>,
  options: { paramsFromVisitors: boolean },
) => Promise<T>

/**
 * The Content Lake, through @sanity/client over the global `fetch`.
 *
 * Published reads go without the token (published content is public, and the CDN answers only
 * anonymous reads) and, when the loader names cache tags and the site gave a QueryCache, through
 * that cache. The HTTP request itself is never cached (`cache: 'no-store'`): Next's fetch cache
 * would keep any 200 reply, even JSON cut short, and serve it until the tag is expired.
 *
 * Drafts (previews in draft mode) go with the token, never through the CDN or any cache, and with
 * stega encoding when asked, so the Presentation tool can draw its edit overlays.
 */
export function createContentLakeSource(settings: ContentLakeSettings): ContentSource {
  const client = createContentLakeClient({ ...settings, token: undefined })

  const timeoutMs = settings.timeoutMs ?? defaultQueryTimeoutMs

  async function request(query: string, params: QueryParams, options: object): Promise<unknown> {
    const reply: unknown = await client.fetch(query, params, {
      // One deadline for the whole query: each attempt's own timeout would let retries add up.
      signal: AbortSignal.timeout(timeoutMs),
      // The whole reply, so a body that is not the API's `{result}` (a proxy's error page, JSON
      // cut short) is an error rather than a silent `undefined` that reads as "no content".
      filterResponse: false,
      // Typed only where Next.js augments RequestInit; @sanity/client hands it to fetch.
      ...({ cache: 'no-store' } as object),
      ...options,
    })
    if (!reply || typeof reply !== 'object' || !('result' in reply)) {
      throw new MalformedReplyError('the Content Lake answered with something other than a query result')
    }
    return reply.result
  }

  return {
    kind: 'content-lake',
    async fetch(query: string, params: QueryParams = {}, options: FetchOptions = {}) {
      const perspective = options.perspective ?? 'published'
      if (perspective !== 'published') {
        if (!settings.token) {
          throw new PreviewUnavailableError(
            'drafts need a read token (SANITY_API_READ_TOKEN); without one the Content Lake only shows published content',
          )
        }
        return request(query, params, {
          perspective,
          token: settings.token,
          useCdn: false,
          stega:
            options.stega && settings.studioUrl
              ? { enabled: true, studioUrl: settings.studioUrl, filter: stegaFilter }
              : false,
        })
      }
      const read = () => request(query, params, { perspective, useCdn: settings.useCdn })
      if (!settings.cache || !options.tags?.length) return read()
      const source = [
        settings.apiHost ?? 'api.sanity.io',
        settings.projectId,
        settings.dataset,
        settings.apiVersion,
        String(settings.useCdn),
      ]
      return settings.cache(['content-lake', ...source, query, JSON.stringify(params)], options.tags, read, {
        paramsFromVisitors: options.paramsFromVisitors ?? false,
      })
    },
  }
}
