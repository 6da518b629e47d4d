import { loadOfferRedirect } from '@microneedling/content/loaders'
import { partnerRedirectUrl, partnerTargetProblem } from '@microneedling/content/partnerLinks'
import type { ContentSource } from '@microneedling/content/source/types'
import type { ClickEvent } from '../clicks/clickEvent'
import type { RecordedPageKind } from '../clicks/pageKinds'
import { isKnownOffer } from '../routing/knownPaths'

/**
 * /go/<device slug>/<offer key>: the only way partner URLs leave the site. The target is the URL
 * stored for that offer, checked against its partner's allowed hosts, with the partner's tracking
 * parameter; nothing from the request (query, headers, cookies) takes part.
 */

const segment = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export interface GoPath {
  device: string
  offer: string
}

/** The device slug and offer key of a /go/ path, or null when the path cannot name an offer. */
export function parseGoPath(pathname: string): GoPath | null {
  const match = /^\/go\/([^/]+)\/([^/]+)\/?$/.exec(pathname)
  if (!match) return null
  let device: string
  let offer: string
  try {
    device = decodeURIComponent(match[1]!)
    offer = decodeURIComponent(match[2]!)
  } catch {
    return null
  }
  return segment.test(device) && segment.test(offer) ? { device, offer } : null
}

export interface PartnerRedirect {
  url: string
  partner: string
}

/** Where the offer's partner link goes, or null (unknown device or offer, or a URL that breaks the rules). */
export async function findPartnerRedirect(source: ContentSource, path: GoPath): Promise<PartnerRedirect | null> {
  // Invented device slugs and offer keys cost no query of their own (see knownPaths.ts). When the
  // list of known ones cannot be had, the offer itself is asked for, as before.
  const known = await isKnownOffer(source, path.device, path.offer).catch(() => true)
  if (!known) return null
  const offer = await loadOfferRedirect(source, path.device, path.offer)
  if (!offer) return null
  const url = partnerRedirectUrl(offer)
  if (!url) {
    console.warn(
      `[go] offer ${path.device}/${path.offer} (partner ${offer.partner._id}): ${partnerTargetProblem(offer)}; answering 404`,
    )
    return null
  }
  return { url, partner: offer.partner.name }
}

/** Takes a click and returns at once: the redirect never waits on where clicks are kept. */
export interface ClickRecorder {
  record(event: ClickEvent): void
}

export interface RedirectRequest {
  /** HEAD, a prefetch or a bot: answered the same, counted apart. */
  filtered: boolean
  pageKind: RecordedPageKind
  now?: () => Date
}

/**
 * The 302 for a known offer, after handing the click to the recorder; null when the request should
 * fall through to the not-found page.
 */
export async function partnerRedirectResponse(
  source: ContentSource,
  pathname: string,
  recorder: ClickRecorder | undefined,
  request: RedirectRequest = { filtered: false, pageKind: 'unknown' },
): Promise<Response | null> {
  const path = parseGoPath(pathname)
  if (!path) return null
  const target = await findPartnerRedirect(source, path)
  if (!target) return null
  try {
    recorder?.record({
      device: path.device,
      offer: path.offer,
      partner: target.partner,
      pageKind: request.pageKind,
      at: (request.now ?? (() => new Date()))(),
      filtered: request.filtered,
    })
  } catch (error) {
    // A failed count must not cost the shopper the link.
    console.error(`[go] could not record click: ${error instanceof Error ? error.message : String(error)}`)
  }
  return new Response(null, {
    status: 302,
    headers: {
      Location: target.url,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    },
  })
}
