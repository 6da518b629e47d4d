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
}

export function createContentLakeClient(settings: ContentLakeSettings): SanityClient {
  return createClient({
    projectId: settings.projectId,
    dataset: settings.dataset,
    apiVersion: settings.apiVersion,
    useCdn: settings.useCdn,
    perspective: 'published',
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.apiHost ? { apiHost: settings.apiHost, useProjectHostname: false } : {}),
  })
}

export function createContentLakeSource(settings: ContentLakeSettings): ContentSource {
  const client = createContentLakeClient(settings)
  return {
    kind: 'content-lake',
    async fetch(query: string, params: QueryParams = {}, options: FetchOptions = {}) {
      const perspective = options.perspective ?? 'published'
      return client.fetch(query, params, {
        perspective,
        // Drafts must never come from the CDN, and they need the token.
        useCdn: perspective === 'published' && settings.useCdn,
        // `next` is typed only where Next.js augments RequestInit; @sanity/client forwards it to fetch.
        ...((options.tags ? { next: { tags: options.tags } } : {}) as object),
      })
    },
  }
}
