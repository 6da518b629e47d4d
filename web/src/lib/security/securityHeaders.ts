/**
 * The security headers on every response (next.config.ts applies them to every path).
 *
 * Pages are static (generated at build and revalidated by tag), so the Content-Security-Policy
 * carries no nonce: Next.js can put a nonce only into pages rendered per request, which would make
 * every page dynamic. Without one, the framework's own inline scripts (the RSC payload it streams
 * into each page) need `'unsafe-inline'` in script-src; everything else is locked to this origin:
 * no plugins, no <base> hijack, forms post only here, nothing from other hosts but photos from the
 * Content Lake's image CDN. The site itself writes no inline script (JSON-LD is data, which CSP
 * does not execute).
 *
 * Framing is allowed only from this site and the Studio's origin (SANITY_STUDIO_URL), so the
 * Presentation tool can show the site while no other site can frame it (clickjacking). Headers are
 * fixed when the site is built, so SANITY_STUDIO_URL must be set at build time.
 */

export interface SecurityHeaderOptions {
  /** Where editors open the Studio (SANITY_STUDIO_URL); its origin may frame the site. */
  studioUrl?: string | undefined
  /** The public origin (NEXT_PUBLIC_SITE_URL): https there upgrades any stray http request. */
  siteUrl?: string | undefined
  /** `next dev` needs eval for its fast refresh; production never does. */
  development: boolean
}

export interface Header {
  key: string
  value: string
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const studioOrigin = originOf(options.studioUrl)
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'unsafe-inline'", ...(options.development ? ["'unsafe-eval'"] : [])],
    // The Presentation overlays (draft mode only) inject their own <style> elements.
    ['style-src', "'self'", "'unsafe-inline'"],
    // Device photos come straight from the Content Lake's image CDN.
    ['img-src', "'self'", 'data:', 'https://cdn.sanity.io'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(options.development ? ['ws:'] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'self'", ...(studioOrigin ? [studioOrigin] : [])],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
  ]
  if (originOf(options.siteUrl)?.startsWith('https:')) directives.push(['upgrade-insecure-requests'])
  return directives.map((directive) => directive.join(' ')).join('; ')
}

export function securityHeaders(options: SecurityHeaderOptions): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Partners learn that a shopper came from this site, never which page (with its filters).
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value:
        'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
    },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-site' },
    // Two years; not includeSubDomains, which would bind an operator's other hosts too.
    ...(options.development ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }]),
  ]
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}
