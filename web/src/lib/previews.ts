import { contentLakeSettings } from '@microneedling/content/config'
import { createContentLakeClient } from '@microneedling/content/source/contentLake'
import { siteEnvironment } from './environment'
import { previewsAvailable } from './siteEnvironment'

/**
 * Previews (draft mode) read drafts from the Content Lake with the read token, so they exist only
 * on a site connected to a Sanity project that has one. Otherwise the draft-mode routes say so.
 */
export const previewsNeedAProject =
  'Previews need a Sanity project: set NEXT_PUBLIC_SANITY_PROJECT_ID, NEXT_PUBLIC_SANITY_DATASET and SANITY_API_READ_TOKEN (see web/.env.example). This site reads the embedded dataset, which has no drafts to preview.'

export function previewUnavailableResponse(): Response {
  return new Response(previewsNeedAProject, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/** A client that may read drafts and the Presentation tool's preview secrets; null without a project and token. */
export function previewClient(): ReturnType<typeof createContentLakeClient> | null {
  const environment = siteEnvironment()
  const settings = contentLakeSettings(environment)
  if (!settings || !previewsAvailable(environment)) return null
  return createContentLakeClient({ ...settings, useCdn: false })
}

/** Only a path on this site: `?redirect=https://elsewhere` must not turn these routes into an open redirect. */
export function sameSitePath(candidate: string | null, fallback = '/'): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback
  return candidate
}
