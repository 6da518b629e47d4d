import {
  alwaysCheck,
  ConfigurationError,
  checkContentEnvironment,
  contentEnvironmentShape,
  optional,
  reportSetWithoutProject,
} from '@microneedling/content/config'
import { priceStaleDaysRequirement } from '@microneedling/content/editorialChecks'
import { describeIssues } from '@microneedling/content/rejections'
import { z } from 'zod'

/**
 * Everything the site reads from its environment, in one schema: the content source's variables
 * (from @microneedling/content) and the site's own. Parsed at start-up (instrumentation.ts) and
 * again at first use, so `next start` with a broken configuration stops at once and says what to fix.
 *
 * Only NEXT_PUBLIC_* variables may ever be read by code that runs in the browser; the token and
 * the webhook secret are read here, on the server.
 */

const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: `must be an absolute http(s) URL, such as ${example}` }))
    .transform((url) => url.replace(/\/+$/, ''))

export const siteEnvironmentShape = {
  ...contentEnvironmentShape,
  /** The public origin: the base of canonical URLs, the sitemap and Open Graph. */
  NEXT_PUBLIC_SITE_URL: optional(httpUrl('https://example.com')),
  /** Shared with the GROQ-powered webhook in Sanity's dashboard; /api/revalidate checks signatures with it. */
  SANITY_REVALIDATE_SECRET: optional(
    z.string().trim().min(16, 'must be at least 16 characters (a long random string, shared with the webhook)'),
  ),
  /** Where editors open the Studio; previews link text back to it. */
  SANITY_STUDIO_URL: optional(httpUrl('https://studio.example.com')),
  /** A PostgreSQL server for clicks and link checks; without it they go to PGlite in CLICKS_DATA_DIR. */
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        'must be a PostgreSQL URL, such as postgres://user:password@host:5432/database',
      ),
  ),
  /** The embedded database's folder (PGlite), when DATABASE_URL is not set. Default: .data/clicks. */
  CLICKS_DATA_DIR: optional(z.string().trim()),
  /** `off` stops recording clicks (the redirects are unchanged); for comparisons and emergencies. */
  CLICKS_RECORDING: optional(z.enum(['on', 'off'], { error: 'must be "on" or "off"' })),
  /** How long daily click counts and link checks are kept. Default: 400 days. */
  CLICKS_RETENTION_DAYS: optional(z.coerce.number().int().min(1, 'must be a whole number of days, at least 1')),
  /** The shared secret for /reports and the reports API. Without it, the reports are off. */
  REPORTS_SECRET: optional(
    z.string().trim().min(16, 'must be at least 16 characters (a long random string; it signs in to /reports)'),
  ),
  /**
   * An offer whose price was checked longer ago than this is flagged as possibly changed. Default:
   * `defaultPriceStaleDays` (30), shared with the Studio's "Prices to check" list.
   */
  PRICE_STALE_DAYS: optional(z.coerce.number().int().min(1, priceStaleDaysRequirement)),
  /** How long the link checker waits for one shop's page, in milliseconds. Default: 10000. */
  LINK_CHECK_TIMEOUT_MS: optional(z.coerce.number().int().min(100, 'must be a number of milliseconds, at least 100')),
  /**
   * A token that may write to the project (an "Editor" token): feed imports patch offers with it.
   * Without it, imports only plan. `pnpm dev` gives the local Content Lake's own.
   */
  SANITY_API_WRITE_TOKEN: optional(z.string().trim().min(1)),
  /** A feed price moving this share of the current one or more waits for an editor. Default: 0.5. */
  FEED_HOLD_SHARE: optional(z.coerce.number().gt(0, 'must be a share above 0, such as 0.5')),
  /** Imports in a row an offer may be missing from its feed before it is shown out of stock. Default: 3. */
  FEED_MISSING_IMPORTS: optional(z.coerce.number().int().min(1, 'must be a whole number of imports, at least 1')),
  /** How long fetching one feed may take, in milliseconds. Default: 300000 (five minutes). */
  FEED_FETCH_TIMEOUT_MS: optional(z.coerce.number().int().min(100, 'must be a number of milliseconds, at least 100')),
  /** The largest feed read, in megabytes as it arrives (compressed when gzipped). Default: 1024. */
  FEED_MAX_MEGABYTES: optional(z.coerce.number().positive('must be a number of megabytes above 0')),
  /**
   * A Redis server the site's servers share: rendered pages, the data cache and tag expiry, report
   * sessions, the sign-in limit and the webhook's delivery log (lib/sharedStore). Without it, each
   * server keeps its own, as one server needs.
   */
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^rediss?$/, error: 'must be a Redis URL, such as redis://localhost:6379' })),
  ),
  /** The longest a request waits for Redis, in milliseconds, before it does without. Default: 500. */
  REDIS_TIMEOUT_MS: optional(
    z.coerce
      .number()
      .int()
      .min(10, 'must be a number of milliseconds, at least 10')
      .max(10_000, 'must be at most 10000'),
  ),
  NODE_ENV: z.string().optional(),
}

const siteEnvironmentSchema = z.object(siteEnvironmentShape).superRefine((environment, context) => {
  checkContentEnvironment(environment, context)
  // PGlite is one process's database: servers that share Redis would each count clicks, keep price
  // history and hold feed imports in a database of their own.
  if (environment.REDIS_URL !== undefined && environment.DATABASE_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message:
        'is required with REDIS_URL: several servers need one PostgreSQL database (the embedded PGlite belongs to one process)',
    })
  }
  if (environment.NODE_ENV === 'production') checkProductionEnvironment(environment, context)
  const withProject = Boolean(environment.NEXT_PUBLIC_SANITY_PROJECT_ID)
  if (!withProject) {
    reportSetWithoutProject(
      environment,
      ['SANITY_REVALIDATE_SECRET', 'SANITY_STUDIO_URL', 'SANITY_API_WRITE_TOKEN'],
      context,
    )
    return
  }
  // A production site on the Content Lake only learns of edits through the webhook: without its
  // secret, every page would keep the content it was built with.
  if (environment.NODE_ENV === 'production' && environment.SANITY_REVALIDATE_SECRET === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['SANITY_REVALIDATE_SECRET'],
      message:
        'is required in production when NEXT_PUBLIC_SANITY_PROJECT_ID is set (pages are refreshed only by the signed webhook)',
    })
  }
}, alwaysCheck)

/**
 * A production server must know its public address (canonical URLs, the sitemap and JSON-LD would
 * otherwise name http://localhost:3000) and must not send the read token over plain http to
 * anything but this machine.
 */
function checkProductionEnvironment(
  environment: { NEXT_PUBLIC_SITE_URL?: string | undefined; SANITY_API_HOST?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (environment.NEXT_PUBLIC_SITE_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['NEXT_PUBLIC_SITE_URL'],
      message:
        'is required in production: canonical URLs, the sitemap and structured data are built on it (e.g. https://www.example.com)',
    })
  }
  const apiHost = environment.SANITY_API_HOST
  if (apiHost !== undefined && URL.canParse(apiHost)) {
    const { protocol, hostname } = new URL(apiHost)
    if (protocol === 'http:' && !isLoopback(hostname)) {
      context.addIssue({
        code: 'custom',
        path: ['SANITY_API_HOST'],
        message: 'must be https in production (plain http is allowed only for this machine, e.g. http://127.0.0.1)',
      })
    }
  }
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  )
}

export interface SiteEnvironment extends Omit<z.output<typeof siteEnvironmentSchema>, 'NEXT_PUBLIC_SITE_URL'> {
  /** Without a trailing slash; http://localhost:3000 when unset. */
  NEXT_PUBLIC_SITE_URL: string
}

export const defaultSiteUrl = 'http://localhost:3000'

/**
 * Parses the environment, naming every missing or malformed variable in one ConfigurationError.
 * Values never appear in the message, so a secret cannot leak into a log.
 */
export function parseSiteEnvironment(environment: Record<string, string | undefined>): SiteEnvironment {
  const result = siteEnvironmentSchema.safeParse(environment)
  if (!result.success) {
    throw new ConfigurationError(
      `Invalid site configuration (see web/.env.example):\n  - ${describeIssues(result.error).join('\n  - ')}`,
    )
  }
  return { ...result.data, NEXT_PUBLIC_SITE_URL: result.data.NEXT_PUBLIC_SITE_URL ?? defaultSiteUrl }
}

/** Whether this site reads a Sanity project (rather than the embedded dataset). */
export function usesContentLake(environment: SiteEnvironment): boolean {
  return Boolean(environment.NEXT_PUBLIC_SANITY_PROJECT_ID)
}

/** What draft mode needs: a project to read drafts from, and the token that may read them. */
export function previewsAvailable(environment: SiteEnvironment): boolean {
  return usesContentLake(environment) && Boolean(environment.SANITY_API_READ_TOKEN)
}
