/**
 * The Studio's settings from the environment. Sanity inlines `SANITY_STUDIO_*` variables into the
 * Studio bundle at build time, and the CLI reads them from the shell or `.env` files.
 *
 * Every value has an offline fallback so `sanity build` and `sanity schema validate` work on a
 * machine with no Sanity project: "placeholder" is a syntactically valid project id that no real
 * project has, so a Studio built with it fails loudly on its first request instead of writing
 * to somebody else's project.
 */

import { parsePriceStaleDays } from '@microneedling/content/editorialChecks'

export const placeholderProjectId = 'placeholder'

function readSetting(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim()
  return trimmed ? trimmed : fallback
}

export const projectId = readSetting(process.env.SANITY_STUDIO_PROJECT_ID, placeholderProjectId)
export const dataset = readSetting(process.env.SANITY_STUDIO_DATASET, 'production')

/** Where the shoppers' site runs; the Presentation tool will load its pages from here. */
export const previewUrl = readSetting(process.env.SANITY_STUDIO_PREVIEW_URL, 'http://localhost:3000')

/** The site's click reports (partner clicks, link checks, stale prices), signed in with REPORTS_SECRET. */
export function reportsUrl(siteUrl: string = previewUrl): string {
  return new URL('/reports', `${siteUrl.replace(/\/+$/, '')}/`).toString()
}

/**
 * The local Content Lake (packages/local-lake), when the Studio is built or served for it
 * (`pnpm dev` without a Sanity project sets these): where its API answers and the editor's token.
 */
export const localLakeApiHost = process.env.SANITY_STUDIO_API_HOST?.trim() || undefined
export const localLakeToken = process.env.SANITY_STUDIO_LOCAL_LAKE_TOKEN?.trim() || undefined

/**
 * How many days after its check a price is listed under "Prices to check": the site's PRICE_STALE_DAYS,
 * set for the Studio as SANITY_STUDIO_PRICE_STALE_DAYS (give both the same value). Unset, both use
 * the shared default (30). A value that is not a whole number from 1 stops the Studio, naming the variable.
 */
export const priceStaleDays = parsePriceStaleDays(
  process.env.SANITY_STUDIO_PRICE_STALE_DAYS,
  'SANITY_STUDIO_PRICE_STALE_DAYS',
)
