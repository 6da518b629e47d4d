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

export async function measureLoad(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 60 }, (error, done) =>
      error ? reject(error) : resolve(done),
    )
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
    })
  })
  latencies.sort((a, b) => a - b)
  return {
    connections,
    seconds: result.duration,
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  }
}
