import { absoluteUrl } from './urls'

/**
 * Device pages per sitemap: under the protocol's 50,000 URLs, with room in the first sitemap for
 * the fixed pages, comparisons and guides.
 */
export const devicesPerSitemap = 45_000

/** The ids of the sitemaps a catalogue of `deviceCount` devices needs (at least one). */
export function sitemapIds(deviceCount: number): number[] {
  return Array.from({ length: Math.max(1, Math.ceil(deviceCount / devicesPerSitemap)) }, (_, id) => id)
}

export function sitemapUrl(id: number): string {
  return absoluteUrl(`/sitemaps/sitemap/${id}.xml`)
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`)

/** A sitemap index (sitemaps.org) naming each sitemap. */
export function sitemapIndexXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`
}
