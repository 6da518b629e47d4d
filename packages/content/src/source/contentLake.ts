import { createClient, type SanityClient } from '@sanity/client'
import type { ContentSource, FetchOptions, QueryParams } from './types.ts'

export interface ContentLakeSettings {
  projectId: string
  dataset: string
  apiVersion: string
  /** Read token: needed for drafts; never sent to the browser. */
  token?: string
  /** Another API host: a proxy, or a local stand-in of the Content Lake in tests. */
  apiHost?: string
  useCdn: boolean
  /**
   * How long one query may take. The client's own default is minutes; a page waiting that long is
   * worse than a page that says the content is temporarily unavailable.
   */
  timeoutMs?: number
}

export const defaultQueryTimeoutMs = 10_000

export function createContentLakeClient(settings: ContentLakeSettings): SanityClient {
  return createClient({
    projectId: settings.projectId,
    dataset: settings.dataset,
    apiVersion: settings.apiVersion,
    useCdn: settings.useCdn,
    perspective: 'published',
    timeout: settings.timeoutMs ?? defaultQueryTimeoutMs,
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.apiHost ? { apiHost: settings.apiHost, useProjectHostname: false } : {}),
  })
}

export class MalformedReplyError extends Error {
  override name = 'MalformedReplyError'
}

export function createContentLakeSource(settings: ContentLakeSettings): ContentSource {
  const client = createContentLakeClient(settings)
  return {
    kind: 'content-lake',
    async fetch(query: string, params: QueryParams = {}, options: FetchOptions = {}) {
      const perspective = options.perspective ?? 'published'
      const reply: unknown = await client.fetch(query, params, {
        // The whole reply, so a body that is not the API's `{result}` (a proxy's error page, JSON
        // cut short) is an error rather than a silent `undefined` that reads as "no content".
        filterResponse: false,
        perspective,
        // Drafts must never come from the CDN, and they need the token.
        useCdn: perspective === 'published' && settings.useCdn,
        // `next` is typed only where Next.js augments RequestInit; @sanity/client forwards it to fetch.
        ...((options.tags ? { next: { tags: options.tags } } : {}) as object),
      })
      if (!reply || typeof reply !== 'object' || !('result' in reply)) {
        throw new MalformedReplyError('the Content Lake answered with something other than a query result')
      }
      return reply.result
    },
  }
}
