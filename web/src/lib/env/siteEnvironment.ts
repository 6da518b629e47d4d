import { parseSiteEnvironment, type SiteEnvironment } from './environmentSchema'

let parsed: SiteEnvironment | undefined

/**
 * The site's configuration, parsed once per server process. instrumentation.ts parses it at
 * start-up so a bad value stops `next start` with every problem named; this is the same parse at
 * first use, for `next build`.
 */
export function siteEnvironment(): SiteEnvironment {
  parsed ??= parseSiteEnvironment(process.env)
  return parsed
}

/** The public origin of the site, without a trailing slash: the base of every canonical URL. */
export const siteUrl: string = siteEnvironment().NEXT_PUBLIC_SITE_URL
