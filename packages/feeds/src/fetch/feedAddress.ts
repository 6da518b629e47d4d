import { FeedAddressError } from './fetchErrors.ts'

/** Hosts that are this machine: http is allowed to them alone, for tests and trying a feed out. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Why a feed may not be fetched from this address, or undefined when it may: https anywhere, http
 * only to this machine (a partner's feed over plain http could be altered on the way), and a
 * `file:` URL where one is allowed (never as a redirect's target).
 */
export function feedAddressProblem(url: URL, { fileAllowed }: { fileAllowed: boolean }): string | undefined {
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? undefined : `${url.href} uses http: fetch feeds over https.`
  }
  if (url.protocol === 'file:' && fileAllowed) return undefined
  return `${url.href} is not an https${fileAllowed ? ' or file:' : ''} address.`
}

/** The address a feed is fetched from, or a `FeedAddressError` saying why it cannot be. */
export function feedAddress(address: string | URL): URL {
  const text = String(address)
  if (!URL.canParse(text)) throw new FeedAddressError(`"${text}" is not a URL: give https://... or file:///...`, text)
  const url = new URL(text)
  const problem = feedAddressProblem(url, { fileAllowed: true })
  if (problem) throw new FeedAddressError(problem, url.href)
  return url
}
