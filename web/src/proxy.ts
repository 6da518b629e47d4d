import { type NextRequest, NextResponse } from 'next/server'
import { clickRecording } from './lib/clicks/clickRecording'
import { pageKindParameter, recordedPageKind } from './lib/clicks/pageKinds'
import { isFilteredRequest } from './lib/clicks/requestKind'
import { contentSource } from './lib/contentSource'
import { cachedDeviceListPath } from './lib/deviceListCache'
import { partnerRedirectResponse } from './lib/partnerRedirect'
import { unavailableResponse } from './lib/unavailableDocument'
import { routes } from './lib/urls'

/**
 * Partner links: /go/<device slug>/<offer key>. A known offer with a valid stored URL gets a 302 to
 * it (and the click is recorded); anything else falls through to app/go/[device]/[offer], which
 * renders the site's not-found page with a 404. Only the path decides the target; the `from`
 * parameter (the kind of page the link was on) and the method, purpose and user agent (whether it
 * is a shopper's click) only decide how the click is counted.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const { pathname, searchParams } = request.nextUrl
  if (pathname === routes.devices) {
    const cached = cachedDeviceListPath(searchParams)
    return cached ? NextResponse.rewrite(new URL(cached, request.url)) : NextResponse.next()
  }
  // Only rewrites reach the cached views: a made-up one must not become a kept page.
  if (pathname.startsWith(`${routes.devices}/view/`)) return new NextResponse('Not found', { status: 404 })
  try {
    const response = await partnerRedirectResponse(contentSource(), pathname, clickRecording(), {
      filtered: isFilteredRequest(request.method, request.headers),
      pageKind: recordedPageKind(searchParams.get(pageKindParameter)),
    })
    return response ?? NextResponse.next()
  } catch (error) {
    // Content unavailable: no redirect can be checked, so none is given; the link is not "not found".
    console.error(`[go] ${error instanceof Error ? error.message : String(error)}`)
    return unavailableResponse(request.method)
  }
}

export const config = {
  matcher: ['/go/:device/:offer', '/devices', '/devices/view/:path*'],
}
