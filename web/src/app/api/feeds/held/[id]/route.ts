import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { expireTags } from '@/lib/caches/siteCaches'
import { decideHeldPrice } from '@/lib/feeds/decideHeldPrice'
import { contentWriter } from '@/lib/feeds/feedImportSettings'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { reportsDatabase } from '@/lib/reports/reportTables'
import { plainText, reportsRequestAllowed, sameOrigin, seeOther } from '@/lib/reports/requestAccess'

const decisionSchema = z.enum(['approve', 'reject'])

/**
 * POST /api/feeds/held/<id> with `decision=approve` or `decision=reject`: an editor's decision on a
 * price a feed import held. From the reports page (its session, same origin), it answers with the
 * page again and the outcome; with `Authorization: Bearer <secret>`, with JSON.
 */
export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { secret } = reportsSettings()
  if (!secret) return plainText(404, 'The reports are off: set REPORTS_SECRET on the server to turn them on.')
  if (!(await reportsRequestAllowed(request, secret))) return plainText(401, 'Sign in at /reports first.')
  const fromBrowser = !request.headers.get('authorization')
  if (fromBrowser && !sameOrigin(request)) return plainText(403, 'Decide from the reports page.')
  const id = Number((await context.params).id)
  const form = await request.formData().catch(() => null)
  const decision = decisionSchema.safeParse(form?.get('decision'))
  if (!Number.isSafeInteger(id) || id < 1 || !decision.success) {
    return plainText(400, 'Send decision=approve or decision=reject to /api/feeds/held/<number>.')
  }
  const db = await reportsDatabase().catch(() => null)
  if (!db) return plainText(503, 'The database is not reachable right now; try again later.', { 'Retry-After': '60' })
  const writer = contentWriter()
  const outcome = await decideHeldPrice(
    db,
    'client' in writer ? writer.client : undefined,
    id,
    decision.data,
    expireTags,
  )
  // The reports page reads the outcome back by number, so no text of the request is shown on it.
  if (fromBrowser) return seeOther(`/reports?decided=${id}#held-prices-heading`)
  return Response.json(outcome, { status: outcome.ok ? 200 : outcome.status, headers: { 'Cache-Control': 'no-store' } })
}
