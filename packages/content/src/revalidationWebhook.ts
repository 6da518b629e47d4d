/**
 * The GROQ-powered webhook that refreshes the site when content changes, as an editor sets it up
 * in Sanity's dashboard (README, "Add the webhook") and as the local Content Lake sends it. One
 * definition, so the README, the site's payload schema and the local lake cannot drift apart.
 */
export const revalidationWebhook = {
  filter: '_type in ["device", "comparison", "guide", "bestForGuide", "partner", "brand", "author", "siteSettings"]',
  projection:
    '{_type, _id, "slug": coalesce(after().slug.current, before().slug.current), "previousSlug": before().slug.current}',
  /** Sanity delivers a failed webhook again, this many times, this far apart, with the same idempotency-key. */
  retries: 2,
  retryDelayMs: 30_000,
} as const
