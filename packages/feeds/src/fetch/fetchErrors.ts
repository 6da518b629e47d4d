/** Why a feed could not be fetched; each kind below says more. `url` is the address that failed. */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError'
  readonly url: string
  constructor(message: string, url: string, options?: ErrorOptions) {
    super(message, options)
    this.url = url
  }
}

/** The address is not one a feed is fetched from: https, http on this machine only, or a file. */
export class FeedAddressError extends FeedFetchError {
  override name = 'FeedAddressError'
}

/** The server answered with an error status (404, 500...). */
export class FeedHttpStatusError extends FeedFetchError {
  override name = 'FeedHttpStatusError'
  readonly status: number
  constructor(status: number, statusText: string, url: string) {
    super(`${url} answered ${status}${statusText ? ` ${statusText}` : ''}.`, url)
    this.status = status
  }
}

/** A redirect that was not followed: to another host, to a bad address, or one too many. */
export class FeedRedirectError extends FeedFetchError {
  override name = 'FeedRedirectError'
}

/** The whole download took longer than `timeoutMs`; it was stopped. */
export class FeedTimeoutError extends FeedFetchError {
  override name = 'FeedTimeoutError'
  readonly timeoutMs: number
  constructor(url: string, timeoutMs: number) {
    super(`Fetching ${url} took longer than ${timeoutMs} ms, so it was stopped.`, url)
    this.timeoutMs = timeoutMs
  }
}

/** The feed is larger than `maxBytes` (as sent, before decompression); it was stopped. */
export class FeedTooLargeError extends FeedFetchError {
  override name = 'FeedTooLargeError'
  readonly maxBytes: number
  constructor(url: string, maxBytes: number) {
    super(`${url} is larger than ${maxBytes} bytes, the most a feed may be, so it was stopped.`, url)
    this.maxBytes = maxBytes
  }
}
