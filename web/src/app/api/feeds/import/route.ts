import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { feedFormats, valuesOf } from '@microneedling/content/vocabulary'
import { loadFeedPartners } from '@microneedling/feeds/feedCatalogue'
import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { expireTags } from '@/lib/caches/siteCaches'
import { contentSource } from '@/lib/content/contentSource'
import { contentWriter } from '@/lib/feeds/feedImportSettings'
import { lastCompletedReads } from '@/lib/feeds/feedImportStore'
import { feedDueAt, feedIsDue } from '@/lib/feeds/feedSchedule'
import { runFeedImport } from '@/lib/feeds/runFeedImport'
import { recordPriceObservations } from '@/lib/priceHistory/priceObservations'
import { reportsDatabase } from '@/lib/reports/reportTables'
import { bearerRefusal, plainText } from '@/lib/reports/requestAccess'

/** Imports read whole feeds; the default limit of a route would cut a large one off. */
export const maxDuration = 900

const importQuerySchema = z.object({
  partner: z.string().trim().min(1).optional(),
  apply: z.enum(['0', '1', 'false', 'true']).optional(),
  /** Every partner's feed, even those read more recently than their refresh interval. */
  all: z.enum(['0', '1', 'false', 'true']).optional(),
  /** The uploaded feed's format, for a partner whose feed is not set up yet. */
  format: z.enum(valuesOf(feedFormats)).optional(),
})

/**
 * POST /api/feeds/import with `Authorization: Bearer <REPORTS_SECRET>` (for a scheduler, or
 * `pnpm feeds:import`): reads each partner's feed (or `?partner=<slug>` only) and answers, per
 * offer, what the feed changes. Nothing is written unless `?apply=1`; then, for every partner, only
 * the feeds due by their refresh interval are read (`?all=1` reads them all). A feed can be sent as
 * the body (gzipped or not) instead of being fetched, with `?partner=`.
 */
export async function POST(request: NextRequest) {
  const refused = bearerRefusal(request)
  if (refused) return refused
  const parsed = importQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams))
  if (!parsed.success) {
    return plainText(
      400,
      `Unexpected parameters: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    )
  }
  const apply = parsed.data.apply === '1' || parsed.data.apply === 'true'
  const upload = request.body && request.headers.get('content-length') !== '0' ? request.body : null
  if (upload && !parsed.data.partner) return plainText(400, 'Name the partner whose feed is sent: ?partner=<slug>.')

  const db = await reportsDatabase().catch(() => null)
  if (!db) return plainText(503, 'The database is not reachable right now; try again later.', { 'Retry-After': '60' })
  const source = contentSource()
  const query = (groq: string, params: Record<string, string>) =>
    source.fetch(groq, params, { perspective: 'published' })
  let partners: Awaited<ReturnType<typeof loadFeedPartners>>
  try {
    partners = await loadFeedPartners(query)
  } catch (error) {
    console.error(`[feeds] the partners could not be read: ${error instanceof Error ? error.message : String(error)}`)
    return plainText(503, 'The content source is not answering right now; nothing was imported. Try again later.', {
      'Retry-After': '60',
    })
  }
  if (parsed.data.partner) {
    const partner = partners.find((candidate) => candidate.slug === parsed.data.partner)
    if (!partner) return plainText(404, `No partner has the slug "${parsed.data.partner}".`)
    const format = parsed.data.format ?? partner.feed?.format
    if (!format)
      return plainText(
        400,
        `${partner.name} names no feed: give its format, ?format=${valuesOf(feedFormats).join('|')}.`,
      )
    if (!upload && !partner.feed)
      return plainText(400, `${partner.name} names no feed: send one, or set it in the Studio.`)
    partners = [{ ...partner, feed: { url: partner.feed?.url ?? 'sent with the request', format } }]
  }
  const notDue: { partner: string; lastRead: string; dueAt: string }[] = []
  if (!parsed.data.partner) {
    // A scheduler calls this often; each feed is read only as often as its partner says.
    const everyFeed = !apply || parsed.data.all === '1' || parsed.data.all === 'true'
    const lastReads = everyFeed ? new Map<string, Date>() : await lastCompletedReads(db)
    const now = new Date()
    partners = partners.filter((partner) => {
      if (!partner.feed) return false
      const lastRead = lastReads.get(partner._id)
      if (feedIsDue(lastRead, partner.feed.refreshHours, now)) return true
      const dueAt = feedDueAt(lastRead, partner.feed.refreshHours)!
      notDue.push({ partner: partner.slug, lastRead: lastRead!.toISOString(), dueAt: dueAt.toISOString() })
      return false
    })
  }

  const context = {
    db,
    query,
    writer: contentWriter(),
    recordPrices: recordPriceObservations,
    expireTags: expireTags,
  }
  const imports = []
  for (const partner of partners) {
    const feed = upload ? Readable.fromWeb(upload as WebReadableStream<Uint8Array>) : undefined
    imports.push(await runFeedImport({ partner, apply, ...(feed ? { upload: feed } : {}) }, context))
  }
  return Response.json({ apply, imports, notDue }, { headers: { 'Cache-Control': 'no-store' } })
}
