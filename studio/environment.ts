/**
 * The Studio's settings from the environment. Sanity inlines `SANITY_STUDIO_*` variables into the
 * Studio bundle at build time, and the CLI reads them from the shell or `.env` files.
 *
 * Every value has an offline fallback so `sanity build` and `sanity schema validate` work on a
 * machine with no Sanity project: "placeholder" is a syntactically valid project id that no real
 * project has, so a Studio built with it fails loudly on its first request instead of writing
 * to somebody else's project.
 */

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
