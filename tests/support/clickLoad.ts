import { parse } from 'csv-parse/sync'
import type { ClickRow } from '../../web/src/lib/reports/clickReports.ts'
import { expectedOffers } from './partnerOffers.ts'

/** What a shopper's Chrome sends: never classed as a bot. */
export const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
export const botAgent = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

export interface FiredRequest {
  path: string
  status: number | null
  ms: number
}

export interface Fire {
  method?: 'GET' | 'HEAD'
  headers?: Record<string, string>
}

/**
 * Requests `paths` against the site, `concurrency` at a time, without following redirects.
 * A request that fails (the server stopped) has status null. `onEach` runs after every answer.
 */
export async function fire(
  siteUrl: string,
  paths: readonly string[],
  options: Fire & { concurrency?: number; onEach?: (done: number) => void } = {},
): Promise<FiredRequest[]> {
  const results: FiredRequest[] = []
  let next = 0
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!
      const started = performance.now()
      let status: number | null = null
      try {
        const response = await fetch(`${siteUrl}${path}`, {
          method: options.method ?? 'GET',
          redirect: 'manual',
          headers: { 'user-agent': browserAgent, ...options.headers },
          signal: AbortSignal.timeout(15_000),
        })
        await response.arrayBuffer()
        status = response.status
      } catch {
        status = null
      }
      results.push({ path, status, ms: performance.now() - started })
      options.onEach?.(results.length)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 50 }, worker))
  return results
}

/** `count` /go/ paths spread over the sample's offers, each tagged with a kind of page. */
export function goPaths(count: number, from: string | null): string[] {
  const offers = expectedOffers()
  return Array.from({ length: count }, (_, n) => {
    const offer = offers[n % offers.length]!
    return from === null ? offer.goPath : `${offer.goPath}?from=${from}`
  })
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** The reports API's CSV around today, parsed. */
export async function readCounts(siteUrl: string, secret: string): Promise<ClickRow[]> {
  const response = await fetch(`${siteUrl}/api/reports/clicks?from=${isoDay(-1)}&to=${isoDay(1)}`, {
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(10_000),
  })
  if (response.status !== 200) throw new Error(`reports API answered ${response.status}: ${await response.text()}`)
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[]
  return rows.map((row) => ({
    day: row.day!,
    device: row.device!,
    offer: row.offer!,
    partner: row.partner!,
    page_kind: row.page_kind!,
    clicks: Number(row.clicks),
    filtered: Number(row.filtered),
  }))
}

export function totals(rows: readonly ClickRow[]): { clicks: number; filtered: number } {
  return rows.reduce((sum, row) => ({ clicks: sum.clicks + row.clicks, filtered: sum.filtered + row.filtered }), {
    clicks: 0,
    filtered: 0,
  })
}

export function byPageKind(rows: readonly ClickRow[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.page_kind] = (counts[row.page_kind] ?? 0) + row.clicks
  return counts
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}
