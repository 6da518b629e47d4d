import { type NextRequest, NextResponse } from 'next/server'
import { clickRecording } from './lib/clicks/clickRecording'
import { pageKindParameter, recordedPageKind } from './lib/clicks/pageKinds'
import { isFilteredRequest } from './lib/clicks/requestKind'
import { contentSource } from './lib/content/contentSource'
import { unavailableResponse } from './lib/outage/unavailableDocument'
import { partnerRedirectResponse } from './lib/partnerLinks/partnerRedirect'
import {
  type CachedDeviceListView,
  cachedDeviceListView,
  cachedDeviceListViewOfPath,
} from './lib/routing/deviceListCache'
import { documentPage, isKnownPage, notFoundRewritePath } from './lib/routing/knownPaths'
import { listPageExists } from './lib/routing/listPageLimits'
import { routes } from './lib/seo/urls'

/**
 * What is decided before a page renders:
 * - /devices with a canonical query goes to its cached view (lib/routing/deviceListCache.ts), when
 *   that page of the list exists (lib/routing/listPageLimits.ts);
 * - device, comparison and guide (explainer and best-for) addresses the site has no page for get
 *   the prebuilt not-found page without a query of their own (lib/routing/knownPaths.ts);
 * - partner links, /go/<device slug>/<offer key>: a known offer with a valid stored URL gets a 302
 *   to it (and the click is counted); anything else gets the not-found page. Only the path decides
 *   the target; the `from` parameter (the kind of page the link was on) and the method, purpose and
 *   user agent (whether it is a shopper's click) only decide how the click is counted.
 */
export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const { pathname, searchParams } = request.nextUrl
  if (pathname === routes.devices) {
    const view = cachedDeviceListView(searchParams)
    return view && (await pageExists(view))
      ? NextResponse.rewrite(internalUrl(request, view.path))
      : NextResponse.next()
  }
  // Only the views /devices rewrites to are kept: a made-up one must not become a kept page.
  if (pathname.startsWith(`${routes.devices}/view/`)) {
    const view = cachedDeviceListViewOfPath(pathname)
    if (view && (await pageExists(view))) return NextResponse.next()
    return NextResponse.rewrite(internalUrl(request, notFoundRewritePath))
  }
  const page = documentPage(pathname)
  if (page) return unknownPageCheck(request, page)
  try {
    const response = await partnerRedirectResponse(contentSource(), pathname, clickRecording(), {
      filtered: isFilteredRequest(request.method, request.headers),
      pageKind: recordedPageKind(searchParams.get(pageKindParameter)),
    })
    // Anything else is not a partner link: the prebuilt not-found page, even for a path Next could not decode.
    return response ?? NextResponse.rewrite(internalUrl(request, notFoundRewritePath))
  } catch (error) {
    // Content unavailable: no redirect can be checked, so none is given; the link is not "not found".
    console.error(`[go] ${error instanceof Error ? error.message : String(error)}`)
    return unavailableResponse(request.method)
  }
}

/** A path on this same server: built from nextUrl, whose origin is the one Next serves (request.url's may not be). */
function internalUrl(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone()
  url.pathname = pathname
  url.search = ''
  return url
}

/**
 * Whether a kept view's page exists. While the content source cannot say, it is taken to exist, so
 * the view answers as kept pages do during an outage (its last good copy).
 */
async function pageExists(view: CachedDeviceListView): Promise<boolean> {
  try {
    return await listPageExists(contentSource(), view.filters, view.page)
  } catch {
    return true
  }
}

/**
 * Device, comparison and guide pages: an address the site has no page for gets the prebuilt
 * not-found page at once, without a query of its own (lib/routing/knownPaths.ts). Previews (draft mode)
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
  return NextResponse.rewrite(internalUrl(request, notFoundRewritePath))
}

export const config = {
  matcher: [
    '/go/:device/:offer',
    '/devices',
    '/devices/view/:path*',
    '/devices/:slug',
    '/compare/:slug',
    '/guides/:slug',
    '/best/:slug',
  ],
}
