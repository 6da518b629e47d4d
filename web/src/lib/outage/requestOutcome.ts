import { AsyncLocalStorage } from 'node:async_hooks'
import { processWide } from '../processWide'

/**
 * What a page render found out about its request that the HTTP response must reflect, but that
 * Next.js gives a page no way to say: that the content source could not answer, or that a shared
 * cache may keep the page.
 *
 * The store is entered for every incoming HTTP request by unavailableResponses.ts (installed from
 * instrumentation.ts) and read back when the response's status is written. It lives on globalThis
 * because instrumentation and pages are separate bundles with separate module instances.
 */
export interface RequestOutcome {
  contentUnavailable: boolean
  /**
   * The page is the same for everyone with this URL and content (a filtered list, a comparison), so
   * a shared cache (a CDN) may keep it; see unavailableResponses.ts for where the header is set.
   */
  sharedCacheable?: boolean
}

export function requestOutcomeStorage(): AsyncLocalStorage<RequestOutcome> {
  return processWide('requestOutcome', () => new AsyncLocalStorage<RequestOutcome>())
}

/** Records that this request's content could not be read (no-op outside a request, e.g. at build time). */
export function markContentUnavailable(): void {
  const outcome = requestOutcomeStorage().getStore()
  if (outcome) outcome.contentUnavailable = true
}

/** Lets a shared cache keep this request's page (no-op outside a request). Never for previews. */
export function markSharedCacheable(): void {
  const outcome = requestOutcomeStorage().getStore()
  if (outcome) outcome.sharedCacheable = true
}
