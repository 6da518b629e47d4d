/**
 * The rules for where a partner link may go. The Studio checks them when an editor saves an offer,
 * and /go/ checks them again before every redirect, so a bad URL can never send a shopper elsewhere.
 */

/** True when `url` is https and its host is one of `allowedHosts` or a subdomain of one. */
export function hostIsAllowed(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  const host = normaliseHost(parsed.hostname)
  // Matching whole labels keeps "evilshop.example" from passing as "shop.example".
  return allowedHosts.some((allowedHost) => {
    const allowed = normaliseHost(allowedHost).replace(/^\*\./, '')
    return allowed !== '' && (host === allowed || host.endsWith(`.${allowed}`))
  })
}

/** Hosts ignore case, and a trailing dot names the same host ("shop.example." is "shop.example"). */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '')
}

export interface TrackingParameter {
  name: string
  value: string
}

export interface PartnerTarget {
  url: string
  partner: { allowedHosts: readonly string[]; trackingParameter?: TrackingParameter | null | undefined }
}

/**
 * The URL /go/ redirects to: the stored offer URL, with the partner's tracking parameter set.
 * Returns null when the stored URL breaks the partner's rules; nothing from the request is used.
 */
export function partnerRedirectUrl(target: PartnerTarget): string | null {
  if (!hostIsAllowed(target.url, target.partner.allowedHosts)) return null
  const url = new URL(target.url)
  const tracking = target.partner.trackingParameter
  if (tracking) url.searchParams.set(tracking.name, tracking.value)
  return url.toString()
}

/** The site path of a partner link; the only form in which partner URLs appear on pages. */
export function partnerLinkPath(deviceSlug: string, offerKey: string): string {
  return `/go/${encodeURIComponent(deviceSlug)}/${encodeURIComponent(offerKey)}`
}
