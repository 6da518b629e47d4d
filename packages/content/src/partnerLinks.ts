import { parse as parseDomain } from 'tldts'

/**
 * The rules for where a partner link may go, in one place: the Studio checks them when an editor
 * saves a partner or an offer, pages check them before showing an offer, and /go/ checks them again
 * before every redirect. Content that arrives through the API or an import skips the Studio, so
 * pages and /go/ never trust that it was checked there.
 */

const hostnameLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const maxHostnameLength = 253

/**
 * What is wrong with an allowed-host entry, in words for an editor, or undefined when it is a valid
 * public host name that names one organisation's site. An entry that is a public suffix ("com",
 * "co.uk", "github.io") would allow every site under it, so it is refused (the Public Suffix List,
 * through tldts, decides what is a suffix).
 */
export function allowedHostProblem(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return 'Enter a host name, like "shop.example.com".'
  if (value !== value.trim()) return `"${value}" has spaces around it. Remove them.`
  if (/[/:?#@]/.test(value)) {
    return `"${value}" is not a host name. Enter only the host, like "shop.example.com": no https://, path or port.`
  }
  if (value !== value.toLowerCase()) return `Write "${value}" in lowercase: "${value.toLowerCase()}".`
  if (value.length > maxHostnameLength) return `A host name has at most ${maxHostnameLength} characters.`

  const labels = value.split('.')
  if (labels.length < 2) return `"${value}" is not a full host name. Include the domain, like "shop.example.com".`
  if (!labels.every((label) => hostnameLabel.test(label))) {
    return `"${value}" is not a valid host name. Use letters, digits, hyphens and dots, like "shop.example.com".`
  }
  if (!/[a-z]/.test(labels[labels.length - 1] ?? '')) {
    return `"${value}" looks like an IP address. Enter the partner’s host name instead.`
  }
  const parsed = parseDomain(value, { allowPrivateDomains: true })
  if (parsed.domain === null || parsed.publicSuffix === value) {
    return `"${value}" is a public suffix shared by many unrelated sites. Enter the partner’s own domain, like "shop.example.com".`
  }
  return undefined
}

/**
 * An allowed-host entry as stored, read the way an editor means it (any case, spaces around it, a
 * leading "*.", a trailing dot); null when even then it breaks the rules above.
 */
function normalisedAllowedHost(entry: string): string | null {
  const host = normaliseHost(entry).replace(/^\*\./, '')
  return allowedHostProblem(host) === undefined ? host : null
}

/** Hosts ignore case, and a trailing dot names the same host ("shop.example." is "shop.example"). */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '')
}

/**
 * True when `url` is https on the default port, without user info, and its host is one of
 * `allowedHosts` or a subdomain of one. Entries that break the allowed-host rules allow nothing.
 */
export function hostIsAllowed(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // The URL parser drops ":443" for https, so any port left is another service on that host.
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port !== '') return false
  const host = normaliseHost(parsed.hostname)
  // Matching whole labels keeps "evilshop.example" from passing as "shop.example".
  return allowedHosts.some((entry) => {
    const allowed = normalisedAllowedHost(entry)
    return allowed !== null && (host === allowed || host.endsWith(`.${allowed}`))
  })
}

export interface TrackingParameter {
  name?: string | null | undefined
  value?: string | null | undefined
}

const trackingParameterName = /^[A-Za-z0-9_.-]+$/

/**
 * What is wrong with a partner's tracking parameter, or undefined when it is absent or complete.
 * The Studio's rule: a name of letters, digits, "_", "." or "-", and a non-blank value, or neither.
 */
export function trackingParameterProblem(parameter: TrackingParameter | null | undefined): string | undefined {
  const name = parameter?.name?.trim() ?? ''
  const value = parameter?.value?.trim() ?? ''
  if (name === '' && value === '') return undefined
  if (name === '') return 'its tracking parameter has a value but no name'
  if (value === '') return `its tracking parameter "${name}" has no value`
  if (!trackingParameterName.test(name)) return `its tracking parameter name "${name}" is not letters, digits, _ . -`
  return undefined
}

export interface PartnerTarget {
  url: string
  partner: { allowedHosts: readonly string[]; trackingParameter?: TrackingParameter | null | undefined }
}

/**
 * Why an offer's link cannot be used, or undefined when it can. Pages leave out an offer with a
 * problem and /go/ refuses it, by this one rule, so a page never shows a link that leads to a 404.
 */
export function partnerTargetProblem(target: PartnerTarget): string | undefined {
  if (!hostIsAllowed(target.url, target.partner.allowedHosts))
    return 'its URL is not https on a host its partner allows'
  return trackingParameterProblem(target.partner.trackingParameter)
}

/**
 * The URL /go/ redirects to: the stored offer URL, with the partner's tracking parameter set.
 * Returns null when the offer breaks the rules above; nothing from the request is used.
 *
 * The stored URL is kept byte for byte (a signed deep link breaks if `%20` becomes `+` or a bare
 * `flag` becomes `flag=`): only a parameter with the tracking name is removed, and the tracking
 * parameter is appended, encoded.
 */
export function partnerRedirectUrl(target: PartnerTarget): string | null {
  if (partnerTargetProblem(target) !== undefined) return null
  const url = new URL(target.url)
  const name = target.partner.trackingParameter?.name?.trim()
  const value = target.partner.trackingParameter?.value?.trim()
  if (!name || !value) return url.href
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && decodedName(pair) !== name)
  url.search = [...kept, `${encodeURIComponent(name)}=${encodeURIComponent(value)}`].join('&')
  return url.href
}

function decodedName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The site path of a partner link; the only form in which partner URLs appear on pages. */
export function partnerLinkPath(deviceSlug: string, offerKey: string): string {
  return `/go/${encodeURIComponent(deviceSlug)}/${encodeURIComponent(offerKey)}`
}
