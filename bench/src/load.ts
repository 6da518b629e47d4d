import autocannon from 'autocannon'

/**
 * One page's figures: the first request on its own (what a shopper meets on a page nothing has
 * asked for yet), then steady load from autocannon at a given number of concurrent clients.
 */

export interface FirstRequest {
  status: number
  ms: number
  htmlBytes: number
  cacheControl: string | null
  /** Next.js's own cache verdict (HIT, MISS, STALE) when it sends one. */
  nextCache: string | null
}

export async function firstRequest(url: string): Promise<FirstRequest> {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(120_000) })
  const body = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    ms: performance.now() - started,
    htmlBytes: body.byteLength,
    cacheControl: response.headers.get('cache-control'),
    nextCache: response.headers.get('x-nextjs-cache'),
  }
}

export interface LoadFigures {
  connections: number
  /**
   * `duration`: as many requests as fit in the run's seconds. `amount`: a fixed number of requests,
   * all awaited, for pages too slow to give a fair sample in that time (requests still in flight
   * when a timed run ends are never counted, which would leave only the fastest few).
   */
  mode: 'duration' | 'amount'
  seconds: number
  /** Responses of any status received during the run. */
  responses: number
  non2xx: number
  /** Connection errors and time-outs. */
  errors: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
}

/** Nearest-rank percentile of sorted values (autocannon's own histogram has p90 and p97.5, not p95). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil(fraction * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export interface LoadPlan {
  connections: number
  seconds: number
  /** Requests per second the page is expected to serve at this concurrency (from a lighter run), if known. */
  expectedRequestsPerSecond?: number
}

/** Fewer responses than this per client make a poor sample: three full rounds of every client. */
const roundsPerClient = 3

/**
 * Loads `url` with autocannon. A page expected to answer fewer than three rounds of requests in the
 * run's seconds is loaded with a fixed number of requests instead, stopped after twelve times the
 * run's seconds (at least a minute) whatever happens.
 */
export async function measureLoad(url: string, plan: LoadPlan): Promise<LoadFigures> {
  const { connections, seconds } = plan
  const minimum = Math.max(10, roundsPerClient * connections)
  const slow = plan.expectedRequestsPerSecond !== undefined && plan.expectedRequestsPerSecond * seconds < minimum
  const capSeconds = Math.max(60, 12 * seconds)
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, timeout: 60, ...(slow ? { amount: minimum } : { duration: seconds }) },
      (error, done) => {
        clearTimeout(cap)
        if (error) reject(error)
        else resolve(done)
      },
    )
    const cap = setTimeout(() => instance.stop(), capSeconds * 1000)
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
    })
  })
  latencies.sort((a, b) => a - b)
  return {
    connections,
    mode: slow ? 'amount' : 'duration',
    seconds: result.duration,
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  }
}

/**
 * Waits until the server answers a small static file quickly again, so requests a timed run left
 * behind (the server still renders them) do not slow the next measurement. Gives up after a minute.
 */
export async function settle(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const started = performance.now()
    try {
      await (await fetch(`${baseUrl}/robots.txt`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer()
      if (performance.now() - started < 50) return
    } catch {
      // Still busy: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
