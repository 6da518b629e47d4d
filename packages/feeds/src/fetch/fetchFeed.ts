import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { gunzipWhenCompressed } from '../bytes/gunzipWhenCompressed.ts'
import { feedAddress, feedAddressProblem } from './feedAddress.ts'
import {
  FeedFetchError,
  FeedHttpStatusError,
  FeedRedirectError,
  FeedTimeoutError,
  FeedTooLargeError,
} from './fetchErrors.ts'

export type FetchFeedOptions = {
  /** The longest the whole download may take, from the call until the last byte is read. */
  timeoutMs: number
  /** The most bytes the feed may have as they arrive (compressed, when it is gzip). */
  maxBytes: number
  /** Hosts besides the feed's own that a redirect may lead to (a partner's CDN), exactly as named. */
  allowedHosts?: readonly string[]
}

const maxRedirects = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])

/**
 * A feed's bytes as a stream, decompressed when they are gzip, from an https URL (http to this
 * machine only) or a `file:` URL. Redirects are followed here, at most five, and only to the same
 * host or one in `allowedHosts`. An error status, a refused redirect or an address that is not
 * allowed rejects the call; running past `timeoutMs` or `maxBytes` rejects it, or errors the stream
 * when the download is under way, with a `FeedTimeoutError` or `FeedTooLargeError`. Nothing is held
 * beyond what the reader has not yet taken.
 */
export async function fetchFeed(address: string | URL, options: FetchFeedOptions): Promise<Readable> {
  const url = feedAddress(address)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new FeedTimeoutError(url.href, options.timeoutMs)), options.timeoutMs)
  timer.unref()
  const finish = () => {
    clearTimeout(timer)
    controller.abort()
  }
  try {
    const received =
      url.protocol === 'file:'
        ? await fileBytes(url, options, controller.signal)
        : await downloaded(url, options, controller.signal)
    const bytes = Readable.from(
      gunzipWhenCompressed(limited(received, url.href, options.maxBytes, controller.signal)),
      {
        objectMode: false,
      },
    )
    bytes.once('close', finish)
    return bytes
  } catch (error) {
    finish()
    throw error
  }
}

/** The response body of the URL, after redirects, or the error its status or redirect calls for. */
async function downloaded(
  url: URL,
  options: FetchFeedOptions,
  signal: AbortSignal,
): Promise<AsyncIterable<Uint8Array>> {
  let current = url
  for (let redirects = 0; ; redirects += 1) {
    const response = await fetch(current, {
      redirect: 'manual',
      signal,
      // The bytes as stored, so maxBytes counts what is sent and a .gz file stays one.
      headers: { 'accept-encoding': 'identity' },
    }).catch((error: unknown) => {
      throw signal.aborted
        ? signal.reason
        : new FeedFetchError(`Could not reach ${current.href}: ${messageOf(error)}`, current.href, { cause: error })
    })
    if (redirectStatuses.has(response.status)) {
      await response.body?.cancel()
      current = redirectTarget(url, current, response, redirects, options.allowedHosts ?? [])
      continue
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new FeedHttpStatusError(response.status, response.statusText, current.href)
    }
    const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declaredLength > options.maxBytes) {
      await response.body?.cancel()
      throw new FeedTooLargeError(current.href, options.maxBytes)
    }
    return webStreamChunks(response.body ?? new ReadableStream())
  }
}

function redirectTarget(
  original: URL,
  current: URL,
  response: Response,
  redirects: number,
  allowedHosts: readonly string[],
): URL {
  if (redirects === maxRedirects) {
    throw new FeedRedirectError(
      `${original.href} redirected more than ${maxRedirects} times, so it was not followed.`,
      current.href,
    )
  }
  const location = response.headers.get('location')
  if (!location || !URL.canParse(location, current)) {
    throw new FeedRedirectError(`${current.href} answered ${response.status} with no usable Location.`, current.href)
  }
  const target = new URL(location, current)
  const problem = feedAddressProblem(target, { fileAllowed: false })
  if (problem) throw new FeedRedirectError(`${current.href} redirects to ${problem}`, current.href)
  if (target.hostname !== original.hostname && !allowedHosts.includes(target.hostname)) {
    throw new FeedRedirectError(
      `${current.href} redirects to ${target.host}, another host than ${original.host}: add it to allowedHosts if it is the partner's.`,
      current.href,
    )
  }
  return target
}

async function fileBytes(url: URL, options: FetchFeedOptions, signal: AbortSignal): Promise<AsyncIterable<Uint8Array>> {
  const path = fileURLToPath(url)
  const stats = await stat(path).catch(() => undefined)
  if (!stats?.isFile()) throw new FeedFetchError(`There is no feed file at ${path}.`, url.href)
  if (stats.size > options.maxBytes) throw new FeedTooLargeError(url.href, options.maxBytes)
  return createReadStream(path, { signal })
}

/** The bytes as they arrive, stopped past maxBytes; a stop by the time limit is told as one. */
async function* limited(
  chunks: AsyncIterable<Uint8Array>,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  let received = 0
  try {
    for await (const chunk of chunks) {
      received += chunk.byteLength
      if (received > maxBytes) throw new FeedTooLargeError(url, maxBytes)
      yield chunk
    }
  } catch (error) {
    if (signal.reason instanceof FeedTimeoutError) throw signal.reason
    if (error instanceof FeedFetchError) throw error
    throw new FeedFetchError(`Reading ${url} failed: ${messageOf(error)}`, url, { cause: error })
  }
}

async function* webStreamChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader()
  try {
    while (true) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.cancel().catch(() => {})
  }
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return error instanceof Error ? `${error.message}${cause}` : String(error)
}
