/**
 * One request to an offer's stored URL, as a shopper's browser would make it: GET, redirects
 * followed (at most five), a time limit. The outcome says whether the shop's page is still there:
 * - ok: a 2xx answer on the stored URL's host (or one of its subdomains or parents, e.g. www.);
 * - redirected-elsewhere: a 2xx answer after redirects to another site (often a home page or a
 *   "product gone" page on a new domain);
 * - broken: a 4xx/5xx answer, too many redirects, or no answer at all;
 * - timed-out: no complete answer within the time limit.
 */
export type LinkOutcome = 'ok' | 'redirected-elsewhere' | 'broken' | 'timed-out'

export interface LinkCheckResult {
  url: string
  checkedAt: Date
  statusCode: number | null
  finalUrl: string | null
  outcome: LinkOutcome
  detail: string | null
}

export interface CheckOptions {
  userAgent: string
  timeoutMs?: number
  maxRedirects?: number
  fetch?: typeof fetch
}

const sameSite = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)

export async function checkLink(url: string, options: CheckOptions): Promise<LinkCheckResult> {
  const checkedAt = new Date()
  const maxRedirects = options.maxRedirects ?? 5
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000)
  const doFetch = options.fetch ?? fetch
  let current = url
  let statusCode: number | null = null
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await doFetch(current, {
        method: 'GET',
        redirect: 'manual',
        signal,
        headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*;q=0.8' },
      })
      statusCode = response.status
      const location = response.headers.get('location')
      // Only the status matters; the page itself is not read.
      await response.body?.cancel().catch(() => undefined)
      if (statusCode >= 300 && statusCode < 400 && location) {
        if (redirects >= maxRedirects) {
          return {
            url,
            checkedAt,
            statusCode,
            finalUrl: current,
            outcome: 'broken',
            detail: `more than ${maxRedirects} redirects`,
          }
        }
        current = new URL(location, current).toString()
        continue
      }
      if (statusCode >= 200 && statusCode < 300) {
        const elsewhere = !sameSite(new URL(current).hostname, new URL(url).hostname)
        return {
          url,
          checkedAt,
          statusCode,
          finalUrl: current,
          outcome: elsewhere ? 'redirected-elsewhere' : 'ok',
          detail: elsewhere ? `ends on ${new URL(current).hostname}` : null,
        }
      }
      return { url, checkedAt, statusCode, finalUrl: current, outcome: 'broken', detail: `HTTP ${statusCode}` }
    }
  } catch (error) {
    const timedOut = signal.aborted
    return {
      url,
      checkedAt,
      statusCode,
      finalUrl: current,
      outcome: timedOut ? 'timed-out' : 'broken',
      detail: timedOut ? `no answer within ${options.timeoutMs ?? 10_000} ms` : describeError(error),
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}
