import type { NextRequest } from 'next/server'
import { contentSource } from '@/lib/content/contentSource'
import { currentOffers } from '@/lib/linkChecks/offersToCheck'
import { checkOffers, storeLinkChecks } from '@/lib/linkChecks/runLinkChecks'
import { recordLinkCheckPrices } from '@/lib/priceHistory/linkCheckPrices'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { reportsDatabase } from '@/lib/reports/reportTables'
import { bearerRefusal, plainText } from '@/lib/reports/requestAccess'

/**
 * POST /api/links/check with `Authorization: Bearer <REPORTS_SECRET>` (for cron, or
 * `pnpm links:check`): requests every offer's stored URL and stores the outcomes; an offer whose
 * page is there has its stored price recorded as seen in the price history. Answers a JSON summary
 * once every check is done.
 */
export async function POST(request: NextRequest) {
  const refused = bearerRefusal(request)
  if (refused) return refused
  const settings = reportsSettings()
  const db = await reportsDatabase().catch(() => null)
  if (!db)
    return plainText(503, 'The click database is not reachable right now; try again later.', { 'Retry-After': '60' })
  const offers = await currentOffers(contentSource())
  const checks = await checkOffers(offers, {
    userAgent: `NeedleNotesLinkChecker/1.0 (+${settings.siteUrl})`,
    timeoutMs: settings.linkCheckTimeoutMs,
  })
  await storeLinkChecks(db, checks)
  // The checks are stored either way; a price history that cannot be written is only logged.
  await recordLinkCheckPrices(db, checks).catch((error) =>
    console.error(`[prices] link-check prices not recorded: ${error instanceof Error ? error.message : error}`),
  )
  const counts: Record<string, number> = { ok: 0, 'redirected-elsewhere': 0, broken: 0, 'timed-out': 0 }
  for (const check of checks) counts[check.result.outcome] = (counts[check.result.outcome] ?? 0) + 1
  return Response.json(
    {
      checked: checks.length,
      ...counts,
      problems: checks
        .filter((check) => check.result.outcome !== 'ok')
        .map((check) => ({
          device: check.device,
          offer: check.offer,
          outcome: check.result.outcome,
          status: check.result.statusCode,
          finalUrl: check.result.finalUrl,
          detail: check.result.detail,
        })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
