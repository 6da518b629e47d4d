import { type NextRequest, NextResponse } from 'next/server'
import { createLogClickRecorder } from './lib/clickRecorder'
import { contentSource } from './lib/contentSource'
import { documentPage, isKnownPage, notFoundRewritePath } from './lib/knownPaths'
import { partnerRedirectResponse } from './lib/partnerRedirect'
import { unavailableResponse } from './lib/unavailableDocument'

const recorder = createLogClickRecorder()

/**
 * Partner links: /go/<device slug>/<offer key>. A known offer with a valid stored URL gets a 302 to
 * it (and the click is recorded); anything else gets the site's prebuilt not-found page with a 404.
 * Only the path is read from the request.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const page = documentPage(request.nextUrl.pathname)
  if (page) return unknownPageCheck(request, page)
  try {
    const response = await partnerRedirectResponse(contentSource(), request.nextUrl.pathname, recorder, {
      record: request.method === 'GET',
    })
    // Anything else is not a partner link: the prebuilt not-found page, even for a path Next could not decode.
    return response ?? NextResponse.rewrite(new URL(notFoundRewritePath, request.url))
  } catch (error) {
    // Content unavailable: no redirect can be checked, so none is given; the link is not "not found".
    console.error(`[go] ${error instanceof Error ? error.message : String(error)}`)
    return unavailableResponse(request.method)
  }
}

/**
 * Device, comparison and guide pages: an address the site has no page for gets the prebuilt
 * not-found page at once, without a query of its own (lib/knownPaths.ts). Previews (draft mode)
 * may show documents not yet published, so they are not checked; nor is anything while the content
 * source cannot say, so the page answers as it does during an outage.
 */
async function unknownPageCheck(request: NextRequest, page: NonNullable<ReturnType<typeof documentPage>>) {
  if (request.cookies.has('__prerender_bypass')) return NextResponse.next()
  try {
    if (await isKnownPage(contentSource(), page.kind, page.slug)) return NextResponse.next()
  } catch {
    return NextResponse.next()
  }
  return NextResponse.rewrite(new URL(notFoundRewritePath, request.url))
}

export const config = {
  matcher: ['/go/:device/:offer', '/devices/:slug', '/compare/:slug', '/guides/:slug'],
}
