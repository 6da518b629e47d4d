import type { NextRequest } from 'next/server'
import { parseDayRange } from '@/lib/reports/dateRange'
import { reportsSettings } from '@/lib/reports/reportsSettings'
import { reportsDatabase, reportTable, tableCsv } from '@/lib/reports/reportTables'
import { plainText, reportsRequestAllowed } from '@/lib/reports/requestAccess'

/**
 * GET /api/reports/<table>?from=YYYY-MM-DD&to=YYYY-MM-DD: one report table as CSV. `clicks` is
 * the raw export (day, device, offer, partner, page_kind, clicks, filtered); the others are the
 * tables /reports shows. Needs the reports session cookie or `Authorization: Bearer <secret>`.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ table: string }> }) {
  const { secret } = reportsSettings()
  if (!secret) return plainText(404, 'The reports are off: set REPORTS_SECRET on the server to turn them on.')
  if (!(await reportsRequestAllowed(request, secret))) {
    return plainText(401, 'Sign in at /reports, or send Authorization: Bearer <REPORTS_SECRET>.', {
      'WWW-Authenticate': 'Bearer realm="reports"',
    })
  }
  const { table: name } = await context.params
  const parsed = parseDayRange({
    from: request.nextUrl.searchParams.get('from'),
    to: request.nextUrl.searchParams.get('to'),
  })
  if (!parsed.ok) return plainText(400, `Bad date range: ${parsed.message}.`)
  let table: Awaited<ReturnType<typeof reportTable>>
  try {
    table = await reportTable(await reportsDatabase(), name, parsed.range)
  } catch (error) {
    console.error(`[reports] ${error instanceof Error ? error.message : String(error)}`)
    return plainText(503, 'The click database is not reachable right now; try again in a minute.', {
      'Retry-After': '60',
    })
  }
  if (!table) return plainText(404, `There is no report called "${name}".`)
  return new Response(tableCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${parsed.range.from}-to-${parsed.range.to}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
