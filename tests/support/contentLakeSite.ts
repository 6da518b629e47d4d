import type { LocalLake } from '@microneedling/local-lake'
import { encodeSignatureHeader } from '@sanity/webhook'
import { inject } from 'vitest'
import { contentLakeEnvironment, startTestLake } from './localLake.ts'
import { type RunningSite, startSite } from './site.ts'

/**
 * The site built and served against the local Content Lake (packages/local-lake), as a deployment
 * on a real Sanity project runs: NEXT_PUBLIC_SANITY_PROJECT_ID set, SANITY_API_HOST pointing at the
 * lake.
 *
 * Static pages read their content during `next build`, so the lake must answer at build time, and
 * at run time on the same address (the data cache is keyed by URL). The contentlake project's
 * global setup (contentLakeSiteSetup.ts) picks a free port, builds once into web/.next-contentlake
 * with a lake there, and hands the port on; each test file then starts its own lake, on a fresh
 * copy of the sample, on that port (the project runs one file at a time) and serves its own copy of
 * the build, so what one file publishes or regenerates (a page after a webhook) never leaks into
 * another.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    contentLakeSite: ContentLakeSiteBuild
  }
}

export interface ContentLakeSiteBuild {
  /** The port the lake answered on during the build, and must answer on while the site runs. */
  port: number
  distDir: string
  /** Why a build failed in this run (the Content Lake build, or the sample build it is compared with), or null. */
  buildFailure: string | null
  /** Where the Studio built for this lake is served: the only origin besides the site's that may frame it. */
  studioPort: number
  /** Where the site runs when the Studio opens it (its Presentation tool's preview URL). */
  editingSitePort: number
  /** The Studio built for the lake (`sanity build` with the local lake's settings). */
  studioOutDir: string
  /** Why that Studio build failed, or null. */
  studioBuildFailure: string | null
}

/** Test values of the server-only secrets: distinctive, so a search of the client bundles finds any leak. */
export const testSecrets = {
  readToken: 'sk-test-read-token-4f9c2e71d0',
  revalidateSecret: 'whsec-test-revalidate-8b1d7a3c55',
} as const

/** How long a query may take in the test build: short, so a hanging Content Lake is noticed quickly. */
export const testQueryTimeoutMs = 2000

export const contentLakeDistDir = '.next-contentlake'

/** Where the test build says the Studio runs: only this origin (and the site's own) may frame the site. */
export function studioUrlOf(studioPort: number): string {
  return `http://localhost:${studioPort}`
}

/** The environment of the Content Lake build, at build time and run time alike. */
export function contentLakeSiteEnvironment(
  lake: Pick<LocalLake, 'url' | 'projectId' | 'dataset'>,
  studioPort: number,
): Record<string, string> {
  return {
    ...contentLakeEnvironment(lake),
    SANITY_API_READ_TOKEN: testSecrets.readToken,
    SANITY_REVALIDATE_SECRET: testSecrets.revalidateSecret,
    SANITY_API_TIMEOUT_MS: String(testQueryTimeoutMs),
    SANITY_STUDIO_URL: studioUrlOf(studioPort),
  }
}

export interface ContentLakeSite {
  site: RunningSite
  /** This file's copy of the build, under web/. */
  distDir: string
  /** Accepts the site's read token (testSecrets.readToken), as the Sanity project would. */
  lake: LocalLake
  close(): Promise<void>
}

/** A lake on the sample for the Content Lake build, on `port`: it accepts the token the site sends for drafts. */
export function startTestLakeForSite(port: number): Promise<LocalLake> {
  return startTestLake({ port, token: testSecrets.readToken })
}

/**
 * Starts a lake with the sample dataset on the build's port, and the site on a fresh copy of the
 * Content Lake build (`name` tells the copies apart: one per test file).
 */
export async function startContentLakeSite(
  name: string,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<ContentLakeSite> {
  const build = inject('contentLakeSite')
  if (build.buildFailure)
    throw new Error(`the Content Lake site did not build, so there is nothing to test:\n${build.buildFailure}`)
  const lake = await startTestLakeForSite(build.port)
  let site: RunningSite
  try {
    site = await startSite({
      distDir: build.distDir,
      ownCopy: name,
      env: { ...contentLakeSiteEnvironment(lake, build.studioPort), ...options.env },
      ...(options.port ? { port: options.port } : {}),
    })
  } catch (error) {
    await lake.close()
    throw error
  }
  return {
    site,
    distDir: site.distDir,
    lake,
    async close() {
      await site.close()
      await lake.close()
    },
  }
}

/** Posts a webhook body to the site's /api/revalidate, signed as Sanity signs it (or not, or wrongly). */
export async function sendWebhook(
  site: Pick<RunningSite, 'url'>,
  payload: unknown,
  signing: 'signed' | 'unsigned' | 'wrongSecret' = 'signed',
  options: { signedAt?: number; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const body = options.body ?? JSON.stringify(payload)
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (signing !== 'unsigned') {
    const secret = signing === 'signed' ? testSecrets.revalidateSecret : 'whsec-somebody-elses-secret-000'
    headers['sanity-webhook-signature'] ??= await encodeSignatureHeader(body, options.signedAt ?? Date.now(), secret)
  }
  const response = await fetch(`${site.url}/api/revalidate`, { method: 'POST', body, headers })
  return { status: response.status, body: await response.json().catch(() => null), headers: response.headers }
}

/** A page as a shopper's browser would fetch it: status, headers and HTML. */
export async function fetchPage(site: Pick<RunningSite, 'url'>, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${site.url}${path}`, {
    redirect: 'manual',
    headers,
    signal: AbortSignal.timeout(30_000),
  })
  return { status: response.status, headers: response.headers, html: await response.text() }
}

/** The text of a page's <main>, tags removed and white space folded: what a reader reads. */
export function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? ''
  return decodeEntities(
    main
      .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
}
