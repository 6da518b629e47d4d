import { isbot } from 'isbot'

/**
 * Whether a request for a /go/ link is a shopper's click. HEAD requests, prefetches and bots or
 * link-preview fetchers are counted apart as "filtered". The user agent is read here to classify,
 * and goes no further.
 */
export function isFilteredRequest(method: string, headers: Headers): boolean {
  if (method !== 'GET') return true
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`.toLowerCase()
  if (purpose.includes('prefetch') || purpose.includes('prerender')) return true
  return isbot(headers.get('user-agent'))
}
