import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { type RequestOutcome, requestOutcomeStorage } from './requestOutcome'
import { retryAfterSeconds } from './retryAfter'
import { unavailableDocument } from './unavailableDocument'

/**
 * Turns "the content source could not answer" into HTTP 503 with Retry-After and a plain
 * "temporarily unavailable" page, for pages that cannot be served from the cache.
 *
 * Why here: a page whose content cannot be read must throw, so that ISR keeps serving the last good
 * version of a page it has generated and never caches a failed render. Next.js then answers 500
 * with its built-in error document, and gives a page no way to choose another status. So every
 * incoming request gets a RequestOutcome (an AsyncLocalStorage store entered from Node's
 * `http.server.request.start` diagnostics channel, before Next.js sees the request); the content
 * helpers mark it when a query fails (lib/content/siteContent.ts); and when Next.js then writes a 500 for a
 * marked request, the status becomes 503 and, for an HTML document, the body becomes the static
 * "temporarily unavailable" document (unavailableDocument.ts), which reads no content.
 *
 * Installed once per server process from instrumentation.ts (Node.js runtime only).
 */

const installedKey = Symbol.for('microneedling.unavailableResponses')

export function installUnavailableResponses(): void {
  const holder = globalThis as typeof globalThis & { [installedKey]?: boolean }
  if (holder[installedKey]) return
  holder[installedKey] = true
  const storage = requestOutcomeStorage()
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse }
    const outcome: RequestOutcome = { contentUnavailable: false }
    // Entered synchronously before the server emits 'request', so Next's handling of this request,
    // and the page render within it, run with this store.
    storage.enterWith(outcome)
    answerUnavailableWith503(request, response, outcome)
  })
}

function answerUnavailableWith503(request: IncomingMessage, response: ServerResponse, outcome: RequestOutcome): void {
  const writeHead = response.writeHead
  const write = response.write
  const end = response.end
  let replacingBody = false

  // Node calls writeHead for implicit headers too (the first write or end), so this sees every status.
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 200 && outcome.sharedCacheable && !outcome.contentUnavailable) {
      // Next.js marks every dynamic page private; one a URL fully decides may be kept by a CDN.
      this.setHeader('Cache-Control', sharedCacheControl)
      rest = rest.map((argument) =>
        typeof argument === 'object' && argument !== null
          ? withSharedCacheControl(argument as OutgoingHttpHeaders)
          : argument,
      )
    }
    if (statusCode === 500 && outcome.contentUnavailable) {
      statusCode = 503
      this.setHeader('Retry-After', String(retryAfterSeconds))
      this.setHeader('Cache-Control', 'no-store')
      if (isDocumentRequest(request) && isHtml(this.getHeader('content-type'))) {
        replacingBody = true
        // Whatever Next.js (or compression) planned for its own body does not apply to ours.
        this.removeHeader('Content-Encoding')
        this.removeHeader('Content-Length')
        this.removeHeader('ETag')
        this.setHeader('Content-Type', 'text/html; charset=utf-8')
        rest = rest.map((argument) =>
          typeof argument === 'object' && argument !== null
            ? withoutBodyHeaders(argument as OutgoingHttpHeaders)
            : argument,
        )
      }
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest)
  } as ServerResponse['writeHead']

  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replacingBody) return (write as (...args: unknown[]) => boolean).apply(this, args)
    callCallback(args)
    return true
  } as ServerResponse['write']

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!replacingBody) return (end as (...args: unknown[]) => ServerResponse).apply(this, args)
    const callback = args.find((argument): argument is () => void => typeof argument === 'function')
    return (end as (...args: unknown[]) => ServerResponse).call(
      this,
      request.method === 'HEAD' ? undefined : unavailableDocument,
      callback,
    )
  } as ServerResponse['end']
}

/** A browser asking for a page: not a client-side navigation's RSC payload, not an asset or API call. */
function isDocumentRequest(request: IncomingMessage): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.headers.rsc === undefined
}

function isHtml(contentType: number | string | string[] | undefined): boolean {
  return contentType === undefined || String(contentType).includes('text/html')
}

/**
 * A minute fresh in a shared cache, then served stale for up to a day while it is fetched again:
 * content changes reach shoppers within a minute of the site itself, which refreshes on publish.
 */
export const sharedCacheControl = 'public, max-age=0, s-maxage=60, stale-while-revalidate=86400'

function withSharedCacheControl(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'cache-control')
  return { ...Object.fromEntries(kept), 'cache-control': sharedCacheControl }
}

function withoutBodyHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !['content-length', 'content-encoding', 'etag'].includes(name.toLowerCase()),
    ),
  )
}

function callCallback(args: unknown[]): void {
  const callback = args.find((argument): argument is () => void => typeof argument === 'function')
  if (callback) queueMicrotask(callback)
}
