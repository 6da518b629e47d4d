import { type NextRequest, NextResponse } from 'next/server'
import { createLogClickRecorder } from './lib/clickRecorder'
import { contentSource } from './lib/contentSource'
import { partnerRedirectResponse } from './lib/partnerRedirect'
import { unavailableResponse } from './lib/unavailableDocument'

const recorder = createLogClickRecorder()

/**
 * Partner links: /go/<device slug>/<offer key>. A known offer with a valid stored URL gets a 302 to
 * it (and the click is recorded); anything else falls through to app/go/[device]/[offer], which
 * renders the site's not-found page with a 404. Only the path is read from the request.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  try {
    const response = await partnerRedirectResponse(contentSource(), request.nextUrl.pathname, recorder, {
      record: request.method === 'GET',
    })
    return response ?? NextResponse.next()
  } catch (error) {
    // Content unavailable: no redirect can be checked, so none is given; the link is not "not found".
    console.error(`[go] ${error instanceof Error ? error.message : String(error)}`)
    return unavailableResponse(request.method)
  }
}

export const config = {
  matcher: '/go/:device/:offer',
}
