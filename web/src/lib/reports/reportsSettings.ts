import { defaultPriceStaleDays } from '@microneedling/content/editorialChecks'
import { siteEnvironment } from '../env/siteEnvironment'

/** Where editors open the Studio when no SANITY_STUDIO_URL is set: `pnpm studio` on this machine. */
const localStudioUrl = 'http://localhost:3333'

export function reportsSettings() {
  const environment = siteEnvironment()
  return {
    /** Undefined when the reports are off. */
    secret: environment.REPORTS_SECRET,
    production: environment.NODE_ENV === 'production',
    priceStaleDays: environment.PRICE_STALE_DAYS ?? defaultPriceStaleDays,
    studioUrl: environment.SANITY_STUDIO_URL ?? localStudioUrl,
    siteUrl: environment.NEXT_PUBLIC_SITE_URL,
    linkCheckTimeoutMs: environment.LINK_CHECK_TIMEOUT_MS ?? 10_000,
  }
}

/** The Studio's edit view of a document (its intent link). */
export function studioEditUrl(studioUrl: string, documentId: string, type: string): string {
  return `${studioUrl}/intent/edit/id=${encodeURIComponent(documentId)};type=${encodeURIComponent(type)}`
}
