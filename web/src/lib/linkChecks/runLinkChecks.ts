import type { Queryable } from '../database/database'
import { type CheckOptions, checkLink, type LinkCheckResult } from './checkLink'

export interface OfferToCheck {
  deviceId: string
  device: string
  offer: string
  url: string
}

export interface OfferCheck extends OfferToCheck {
  result: LinkCheckResult
}

/**
 * Checks every offer's URL, at most `perHost` requests at a time to any one shop (shops rate-limit
 * and ban eager bots) and `total` at a time overall.
 */
export async function checkOffers<Offer extends OfferToCheck>(
  offers: readonly Offer[],
  options: CheckOptions & { perHost?: number; total?: number },
): Promise<(Offer & { result: LinkCheckResult })[]> {
  const perHost = options.perHost ?? 2
  const total = options.total ?? 8
  const byHost = new Map<string, Offer[]>()
  for (const offer of offers) {
    const host = URL.canParse(offer.url) ? new URL(offer.url).host : ''
    byHost.set(host, [...(byHost.get(host) ?? []), offer])
  }
  const results: (Offer & { result: LinkCheckResult })[] = []
  let running = 0
  const waiting: (() => void)[] = []
  const slot = async () => {
    if (running >= total) await new Promise<void>((resolve) => waiting.push(resolve))
    running += 1
  }
  const release = () => {
    running -= 1
    waiting.shift()?.()
  }
  await Promise.all(
    [...byHost.values()].map(async (queue) => {
      await Promise.all(
        Array.from({ length: Math.min(perHost, queue.length) }, async () => {
          for (let offer = queue.shift(); offer; offer = queue.shift()) {
            await slot()
            try {
              results.push({ ...offer, result: await checkLink(offer.url, options) })
            } finally {
              release()
            }
          }
        }),
      )
    }),
  )
  return results
}

export async function storeLinkChecks(db: Queryable, checks: readonly OfferCheck[]): Promise<void> {
  for (const check of checks) {
    await db.query(
      `insert into link_checks (checked_at, device, offer, url, status_code, final_url, outcome, detail)
       values ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8)`,
      [
        check.result.checkedAt.toISOString(),
        check.device,
        check.offer,
        check.url,
        check.result.statusCode,
        check.result.finalUrl,
        check.result.outcome,
        check.result.detail,
      ],
    )
  }
}

export interface LatestCheck {
  device: string
  offer: string
  url: string
  checked_at: string
  status_code: number | null
  final_url: string | null
  outcome: LinkCheckResult['outcome']
  detail: string | null
}

/** The last check of every offer ever checked. */
export function latestChecks(db: Queryable): Promise<LatestCheck[]> {
  return db.query<LatestCheck>(
    `select distinct on (device, offer) device, offer, url,
            to_char(checked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as checked_at,
            status_code, final_url, outcome, detail
     from link_checks order by device, offer, checked_at desc, id desc`,
  )
}
