import { contentLakeSettings } from '@microneedling/content/config'
import { createContentLakeClient } from '@microneedling/content/source/contentLake'
import { previewsAvailable } from '../env/environmentSchema'
import { siteEnvironment } from '../env/siteEnvironment'

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
  if (!environment.NEXT_PUBLIC_SANITY_PROJECT_ID || !previewsAvailable(environment)) return null
  return createContentLakeClient(contentLakeSettings(environment))
}

/**
 * Only a path on this site: `?redirect=https://elsewhere` must not turn these routes into an open
 * redirect. The candidate is resolved against a placeholder origin, the way a browser resolves a
 * Location header, and kept only when the origin is unchanged. Browsers strip or rewrite control
 * characters and backslashes (`/<TAB>/evil.example` becomes `//evil.example`), and a proxy may
 * decode a path again, so the candidate and each of its percent-decodings must pass the same checks.
 * The answer is a relative path, so the host this server sees never takes part.
 */
export function sameSitePath(candidate: string | null, fallback = '/'): string {
  if (!candidate?.startsWith('/')) return fallback
  let layer = candidate
  for (let depth = 0; depth <= maximumDecodings; depth++) {
    if (!staysOnThisSite(layer)) return fallback
    const decoded = percentDecoded(layer)
    if (decoded === layer) break
    if (depth === maximumDecodings) return fallback
    layer = decoded
  }
  const resolved = new URL(candidate, placeholderOrigin)
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}

const placeholderOrigin = 'https://this-site.invalid'
const maximumDecodings = 3
// C0 controls, DEL, C1 controls, backslash, and the Unicode line and paragraph separators.
const unsafeCharacters = /[\p{Cc}\\\u2028\u2029]/u

function staysOnThisSite(path: string): boolean {
  if (!path.startsWith('/') || unsafeCharacters.test(path)) return false
  try {
    const resolved = new URL(path, placeholderOrigin)
    return resolved.origin === placeholderOrigin && !resolved.pathname.startsWith('//')
  } catch {
    return false
  }
}

/** One round of percent-decoding, as UTF-8; malformed sequences are left as they are. */
function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16))
    return new TextDecoder().decode(bytes)
  })
}
