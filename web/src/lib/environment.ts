import { z } from 'zod'

/**
 * The site's own settings from the environment (the content source has its own, in
 * @microneedling/content). Parsed once; a bad value stops start-up with every problem named.
 */
const siteEnvironmentSchema = z.object({
  NEXT_PUBLIC_SITE_URL: z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
      z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, such as https://example.com' }).optional(),
    )
    .transform((value) => (value ?? 'http://localhost:3000').replace(/\/+$/, '')),
})

function parseSiteEnvironment() {
  const result = siteEnvironmentSchema.safeParse({ NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL })
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid site configuration:\n  - ${problems.join('\n  - ')}`)
  }
  return result.data
}

/** The public origin of the site, without a trailing slash: the base of every canonical URL. */
export const siteUrl: string = parseSiteEnvironment().NEXT_PUBLIC_SITE_URL
